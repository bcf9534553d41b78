import { SaxesParser } from 'saxes';
import type { SaxesAttributeNS } from 'saxes';
import { formatErrors } from './format-error.catalog.js';
import { isFormatError } from './format.error.js';
import { decodeXml } from './xml-text.decoder.js';

/**
 * One element of a parsed package part: a compact tree with no DOM around it. Namespaces are
 * resolved (`namespaceURI` is '' for an element in no namespace).
 */
export type XmlElement = {
  readonly localName: string;
  readonly namespaceURI: string;
  /** Attributes by qualified name (`w:val`, `Type`), in document order. */
  readonly attributes: Readonly<Record<string, SaxesAttributeNS>>;
  /** Element children, in document order. */
  readonly children: XmlElement[];
  /** Element children and character data (text and CDATA), in document order. */
  readonly content: (XmlElement | string)[];
};

/** The concatenated character data of `element` and its descendants, as DOM `textContent`. */
export function textContent(element: XmlElement): string {
  const content = element.content;
  if (content.length === 1 && typeof content[0] === 'string') return content[0];
  let text = '';
  for (const item of content) text += typeof item === 'string' ? item : textContent(item);
  return text;
}

/** An attribute in no namespace (`Type`, `Target`), or null. */
export function plainAttribute(element: XmlElement, name: string): string | null {
  const attribute = element.attributes[name];
  return attribute !== undefined && attribute.uri === '' ? attribute.value : null;
}

/**
 * Line ends as XML 1.0 reads them, plus NEL and the Unicode line/paragraph separators (as the
 * DOM parser used before did): each becomes a line feed before parsing.
 */
function normalizeLineEnds(xml: string): string {
  return /[\r\u0085\u2028\u2029]/.test(xml)
    ? xml.replace(/\r[\n\u0085]/g, '\n').replace(/[\r\u0085\u2028\u2029]/g, '\n')
    : xml;
}

/**
 * Offered every element as it closes, with its open ancestors (root first); returns true when it
 * has consumed the element, which is then dropped from the tree.
 */
export type ElementTaker = (element: XmlElement, parents: readonly XmlElement[]) => boolean;

/**
 * Parses one XML part of a package in a single streaming pass (saxes events, no DOM) into a compact
 * element tree, and returns its root element. With `take`, elements it consumes as they close are
 * not kept, so memory holds only what is still open. Any XML error becomes `FormatError` `corrupt`;
 * a `FormatError` thrown by `take` ends the pass and is passed on. Entities other than XML's five
 * and character references are refused by the parser (DTD entity declarations are never
 * expanded), so entity-expansion bombs fail here too.
 */
export function parseXmlPart(bytes: Uint8Array, partName: string, take?: ElementTaker): XmlElement {
  try {
    return buildTree(normalizeLineEnds(decodeXml(bytes)), take);
  } catch (error) {
    if (isFormatError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw formatErrors.corrupt('docx', { detail: `${partName}: ${reason.slice(0, 300)}`, cause: error });
  }
}

function buildTree(xml: string, take: ElementTaker | undefined): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      localName: tag.local,
      namespaceURI: tag.uri,
      attributes: tag.attributes,
      children: [],
      content: [],
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children.push(element);
      parent.content.push(element);
    } else {
      root = element;
    }
    stack.push(element);
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (take === undefined || element === undefined || !take(element, stack)) return;
    // A closing element is the last item of its parent: drop it there.
    const parent = stack[stack.length - 1];
    parent?.children.pop();
    parent?.content.pop();
  });
  const onText = (text: string): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.content.push(text);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.write(xml).close();
  if (root === null) throw new Error('no root element');
  return root;
}
