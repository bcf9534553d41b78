import { DOMParser } from '@xmldom/xmldom';
import type { Document } from '@xmldom/xmldom';
import { formatErrors } from './format-error.catalog.js';

/** Decodes an XML part: UTF-16 when it starts with a UTF-16 BOM, otherwise strict UTF-8. */
export function decodeXml(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return new TextDecoder(encoding, { fatal: true }).decode(bytes);
}

/**
 * Parses one XML part of a package. Any XML error (including `error`-level ones such as undefined
 * entities, which xmldom would otherwise only report) becomes `FormatError` `corrupt`. DTD entity
 * declarations are not expanded by xmldom, so entity-expansion bombs fail here too.
 */
export function parseXmlPart(bytes: Uint8Array, partName: string): Document {
  try {
    const parser = new DOMParser({
      locator: false,
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    });
    const document = parser.parseFromString(decodeXml(bytes), 'text/xml');
    if (!document.documentElement) throw new Error('no root element');
    return document;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw formatErrors.corrupt('docx', { detail: `${partName}: ${reason.slice(0, 300)}`, cause: error });
  }
}
