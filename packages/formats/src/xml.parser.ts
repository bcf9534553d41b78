import { DOMParser } from '@xmldom/xmldom';
import type { Document } from '@xmldom/xmldom';
import { formatErrors } from './format-error.catalog.js';
import { decodeXml } from './xml-text.decoder.js';

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
