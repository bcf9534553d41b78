import { plainAttribute } from './xml.parser.js';
import type { XmlElement } from './xml.parser.js';
import { childElements } from './wordml.nodes.js';

/** Where the parts the text comes from live inside a .docx package. */
export type DocxPartNames = {
  document: string;
  footnotes: string | null;
  endnotes: string | null;
  numbering: string | null;
  styles: string | null;
};

/** Reads and parses a package part; null when the part does not exist or cannot be parsed. */
export type PartLoader = (name: string) => XmlElement | null;

const DEFAULT_DOCUMENT = 'word/document.xml';

type Relationship = { type: string; target: string };

function relationships(rels: XmlElement | null): Relationship[] {
  if (!rels) return [];
  return childElements(rels)
    .filter(
      (element) =>
        element.localName === 'Relationship' && plainAttribute(element, 'TargetMode') !== 'External',
    )
    .map((element) => ({
      type: plainAttribute(element, 'Type') ?? '',
      target: plainAttribute(element, 'Target') ?? '',
    }))
    .filter((relationship) => relationship.target !== '');
}

function directoryOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return slash === -1 ? '' : partName.slice(0, slash);
}

/** Resolves a relationship target against the directory of its source part (no leading slash). */
export function resolvePartName(baseDirectory: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // keep the raw target
  }
  const segments = decoded.startsWith('/') ? [] : baseDirectory.split('/').filter((s) => s !== '');
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function findTarget(rels: Relationship[], typeSuffix: string, baseDirectory: string): string | null {
  const found = rels.find((relationship) => relationship.type.endsWith(typeSuffix));
  return found ? resolvePartName(baseDirectory, found.target) : null;
}

/**
 * Finds the main document part through `_rels/.rels` (type …/officeDocument; defaults to
 * word/document.xml) and its footnotes/endnotes parts through the document's own relationships
 * (defaulting to word/footnotes.xml and word/endnotes.xml next to it); likewise its numbering and
 * styles parts.
 */
export function resolveDocxParts(load: PartLoader): DocxPartNames {
  const document = findTarget(relationships(load('_rels/.rels')), '/officeDocument', '') ?? DEFAULT_DOCUMENT;
  const directory = directoryOf(document);
  const fileName = document.slice(directory.length === 0 ? 0 : directory.length + 1);
  const ownRels = relationships(load(`${directory === '' ? '' : `${directory}/`}_rels/${fileName}.rels`));
  const sibling = (name: string): string => (directory === '' ? name : `${directory}/${name}`);
  return {
    document,
    footnotes: ownRels.length > 0 ? findTarget(ownRels, '/footnotes', directory) : sibling('footnotes.xml'),
    endnotes: ownRels.length > 0 ? findTarget(ownRels, '/endnotes', directory) : sibling('endnotes.xml'),
    numbering: ownRels.length > 0 ? findTarget(ownRels, '/numbering', directory) : sibling('numbering.xml'),
    styles: ownRels.length > 0 ? findTarget(ownRels, '/styles', directory) : sibling('styles.xml'),
  };
}
