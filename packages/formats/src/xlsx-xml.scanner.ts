import { SaxesParser } from 'saxes';
import { isFormatError } from './format.error.js';
import { xlsxErrors } from './xlsx.errors.js';

/** What a scan is told: elements by local name (prefix dropped), their attributes, and text. */
export type XmlScanHandlers = {
  open?: (name: string, attributes: Readonly<Record<string, string | undefined>>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Scans one XML part of a workbook as a stream of events, building no tree: memory stays that of
 * the text itself, however many cells it holds. Any XML error becomes `corrupt`; an error thrown by
 * a handler (a limit reached) ends the scan and is passed on. Entities other than XML's five and
 * character references are refused by the parser, so entity-expansion tricks fail too.
 */
export function scanXml(xml: string, part: string, handlers: XmlScanHandlers): void {
  const parser = new SaxesParser();
  const { open, close, text } = handlers;
  if (open !== undefined) {
    parser.on('opentag', (tag) => {
      open(localName(tag.name), tag.attributes);
    });
  }
  if (close !== undefined) {
    parser.on('closetag', (tag) => {
      close(localName(tag.name));
    });
  }
  if (text !== undefined) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    if (isFormatError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw xlsxErrors.corrupt(`${part}: ${reason.slice(0, 300)}`, error);
  }
}
