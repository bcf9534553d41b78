import { describe, expect, it } from 'vitest';
import { FormatError } from './format.error.js';
import { parseXmlPart, plainAttribute, textContent } from './xml.parser.js';
import { wAttr, wChild } from './wordml.nodes.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const bytes = (xml: string): Uint8Array => new TextEncoder().encode(xml);

function corruptDetail(xml: string): string {
  try {
    parseXmlPart(bytes(xml), 'word/document.xml');
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return (error as FormatError).detail ?? '';
  }
  throw new Error('parsed');
}

describe('parseXmlPart', () => {
  it('resolves namespaces whatever the prefix, and keeps attributes and character data in order', () => {
    const root = parseXmlPart(
      bytes(
        `<?xml version="1.0"?><x:document xmlns:x="${W}"><body xmlns="${W}" Type="t">` +
          `<t x:val="v">a &amp; <![CDATA[<b>]]><i>c</i>d</t></body></x:document>`,
      ),
      'part',
    );
    expect(root.localName).toBe('document');
    expect(root.namespaceURI).toBe(W);
    const body = wChild(root, 'body');
    expect(body).not.toBeNull();
    expect(plainAttribute(body!, 'Type')).toBe('t');
    const t = wChild(body!, 't');
    expect(wAttr(t!, 'val')).toBe('v');
    expect(textContent(t!)).toBe('a & <b>cd');
  });

  it('reads line ends as the DOM parser did: CR, CR LF, NEL and U+2028 become a line feed', () => {
    const root = parseXmlPart(bytes('<r>a\r\nb\rc\u0085d\u2028e</r>'), 'part');
    expect(textContent(root)).toBe('a\nb\nc\nd\ne');
  });

  it('refuses malformed XML, entity declarations and unbound prefixes as corrupt, naming the part', () => {
    expect(corruptDetail('<a><b></a>')).toContain('word/document.xml');
    expect(
      corruptDetail('<!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;">]><a>&y;&y;</a>'),
    ).toContain('word/document.xml');
    expect(corruptDetail('<w:a>1</w:a>')).toContain('word/document.xml');
    expect(corruptDetail('')).toContain('word/document.xml');
  });
});
