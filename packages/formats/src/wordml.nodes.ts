import type { Element, Node } from '@xmldom/xmldom';

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

const ELEMENT_NODE = 1;

/** True for an element of the WordprocessingML namespace, optionally with the given local name. */
export function isW(node: Node, localName?: string): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    W_NAMESPACES.has(node.namespaceURI ?? '') &&
    (localName === undefined || node.localName === localName)
  );
}

/** True for an Office Math element with the given local name. */
export function isMath(node: Node, localName: string): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    MATH_NAMESPACES.has(node.namespaceURI ?? '') &&
    node.localName === localName
  );
}

/** True for `mc:AlternateContent`. */
export function isAlternateContent(node: Node): boolean {
  return (
    node.nodeType === ELEMENT_NODE &&
    node.namespaceURI === MC_NAMESPACE &&
    node.localName === 'AlternateContent'
  );
}

/** The element children of `node`, in document order. */
export function childElements(node: Node): Element[] {
  const result: Element[] = [];
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children.item(i);
    if (child && child.nodeType === ELEMENT_NODE) result.push(child as Element);
  }
  return result;
}

/** The first WordprocessingML child of `node` named `localName`, or null. */
export function wChild(node: Node, localName: string): Element | null {
  return childElements(node).find((child) => isW(child, localName)) ?? null;
}

/** A WordprocessingML attribute (`w:val`, `w:id`…) of `element`, or null. */
export function wAttr(element: Element, localName: string): string | null {
  const attributes = element.attributes;
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes.item(i);
    if (attribute && attribute.localName === localName && W_NAMESPACES.has(attribute.namespaceURI ?? '')) {
      return attribute.value;
    }
  }
  return null;
}

/** True unless an OOXML boolean attribute value says off (`0`, `false`, `off`). */
export function isOnValue(value: string): boolean {
  return !['0', 'false', 'off'].includes(value.toLowerCase());
}

/** An on/off property (`<w:vanish/>`, `<w:vanish w:val="false"/>`): true when present and not off. */
export function isOn(element: Element | null): boolean {
  if (!element) return false;
  const value = wAttr(element, 'val');
  return value === null || isOnValue(value);
}

/**
 * The branch of `mc:AlternateContent` to read: the first `mc:Choice` (what Word itself renders), or
 * the `mc:Fallback` when there is no choice. Reading both would duplicate text boxes.
 */
export function chosenAlternative(alternate: Element): Element | null {
  const branches = childElements(alternate).filter((child) => child.namespaceURI === MC_NAMESPACE);
  return (
    branches.find((b) => b.localName === 'Choice') ?? branches.find((b) => b.localName === 'Fallback') ?? null
  );
}
