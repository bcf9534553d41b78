import type { XmlElement } from './xml.parser.js';

/** WordprocessingML main namespaces (transitional and strict OOXML). */
const W_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
/** Office Math namespaces (transitional and strict); `m:t` carries text. */
const MATH_NAMESPACES: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'http://purl.oclc.org/ooxml/officeDocument/math',
]);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** True for an element of the WordprocessingML namespace, optionally with the given local name. */
export function isW(node: XmlElement, localName?: string): boolean {
  return (localName === undefined || node.localName === localName) && W_NAMESPACES.has(node.namespaceURI);
}

/** True for an Office Math element with the given local name. */
export function isMath(node: XmlElement, localName: string): boolean {
  return node.localName === localName && MATH_NAMESPACES.has(node.namespaceURI);
}

/** True for `mc:AlternateContent`. */
export function isAlternateContent(node: XmlElement): boolean {
  return node.localName === 'AlternateContent' && node.namespaceURI === MC_NAMESPACE;
}

/** The element children of `node`, in document order (the tree's own array: do not modify it). */
export function childElements(node: XmlElement): readonly XmlElement[] {
  return node.children;
}

/** The first WordprocessingML child of `node` named `localName`, or null. */
export function wChild(node: XmlElement, localName: string): XmlElement | null {
  for (const child of node.children) if (isW(child, localName)) return child;
  return null;
}

/** A WordprocessingML attribute (`w:val`, `w:id`…) of `element`, or null. */
export function wAttr(element: XmlElement, localName: string): string | null {
  const attributes = element.attributes;
  for (const name in attributes) {
    const attribute = attributes[name];
    if (attribute && attribute.local === localName && W_NAMESPACES.has(attribute.uri)) return attribute.value;
  }
  return null;
}

/** True unless an OOXML boolean attribute value says off (`0`, `false`, `off`). */
export function isOnValue(value: string): boolean {
  return !['0', 'false', 'off'].includes(value.toLowerCase());
}

/** An on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`): true when present and not off. */
export function isOn(element: XmlElement | null): boolean {
  if (!element) return false;
  const value = wAttr(element, 'val');
  return value === null || isOnValue(value);
}

/**
 * The branch of `mc:AlternateContent` to read: the first `mc:Choice` (what Word itself renders), or
 * the `mc:Fallback` when there is no choice. Reading both would duplicate text boxes.
 */
export function chosenAlternative(alternate: XmlElement): XmlElement | null {
  const branches = childElements(alternate).filter((child) => child.namespaceURI === MC_NAMESPACE);
  return (
    branches.find((b) => b.localName === 'Choice') ?? branches.find((b) => b.localName === 'Fallback') ?? null
  );
}
