import { textContent } from './xml.parser.js';
import type { XmlElement } from './xml.parser.js';
import type { NoteRegistry } from './docx-notes.js';
import { formatErrors } from './format-error.catalog.js';
import {
  childElements,
  chosenAlternative,
  isAlternateContent,
  isMath,
  isOn,
  isOnValue,
  isW,
  wAttr,
  wChild,
} from './wordml.nodes.js';

/** Text of one paragraph: inline text, notes first referenced in it, and text boxes anchored in it. */
export type ParagraphContent = {
  /** Paragraph text; tabs, breaks and control characters become spaces. */
  text: string;
  /** Numbers of the notes referenced here for the first time, in order. */
  newNotes: number[];
  /** `w:txbxContent` elements found in the paragraph (rendered by the caller as extra blocks). */
  textBoxes: XmlElement[];
};

/** Maximum element nesting followed inside a paragraph; deeper input is treated as corrupt. */
const MAX_INLINE_DEPTH = 200;

/** Elements whose content is never document text. */
const SKIPPED = new Set([
  'del', // tracked deletion
  'moveFrom', // tracked move: the old location
  'delText',
  'instrText', // field instructions (PAGEREF, TOC…); the field result is kept
  'delInstrText',
  'pPr',
  'rPr',
  'sectPr',
  'fldData',
  'rt', // ruby (phonetic guide) text; the base text is kept
  'footnoteRef', // the note's own number mark inside its body
  'endnoteRef',
  'separator',
  'continuationSeparator',
  'commentReference',
  'annotationRef',
  'sym', // symbol-font glyphs (usually private-use code points)
]);

type InlineState = {
  text: string;
  newNotes: number[];
  textBoxes: XmlElement[];
  skipNextText: boolean;
};

/**
 * Collects the text of a `w:p` (or any inline container). `notes` is null where note references
 * must be ignored (inside a note body).
 */
export function renderParagraphContent(paragraph: XmlElement, notes: NoteRegistry | null): ParagraphContent {
  const state: InlineState = { text: '', newNotes: [], textBoxes: [], skipNextText: false };
  walk(paragraph, state, notes, 0);
  return { text: state.text, newNotes: state.newNotes, textBoxes: state.textBoxes };
}

/** True when a paragraph's own mark was deleted with change tracking (it merges into the next one). */
export function isParagraphMarkDeleted(paragraph: XmlElement): boolean {
  const properties = wChild(paragraph, 'pPr');
  const markProperties = properties ? wChild(properties, 'rPr') : null;
  return markProperties !== null && wChild(markProperties, 'del') !== null;
}

/** Tabs, line breaks and other control characters inside running text become spaces. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

function walk(node: XmlElement, state: InlineState, notes: NoteRegistry | null, depth: number): void {
  if (depth > MAX_INLINE_DEPTH) {
    throw formatErrors.corrupt('docx', { detail: 'paragraph markup nested too deeply' });
  }
  for (const element of childElements(node)) {
    if (isAlternateContent(element)) {
      const branch = chosenAlternative(element);
      if (branch) walk(branch, state, notes, depth + 1);
      continue;
    }
    if (isMath(element, 't')) {
      state.text += cleanText(textContent(element));
      continue;
    }
    if (!isW(element)) {
      // Drawings, VML shapes, math structure…: only their WordprocessingML content (text boxes) counts.
      walk(element, state, notes, depth + 1);
      continue;
    }
    inlineElement(element, state, notes, depth);
  }
}

function inlineElement(
  element: XmlElement,
  state: InlineState,
  notes: NoteRegistry | null,
  depth: number,
): void {
  const name = element.localName ?? '';
  if (SKIPPED.has(name)) return;
  switch (name) {
    case 't':
      if (state.skipNextText) state.skipNextText = false;
      else state.text += cleanText(textContent(element));
      return;
    case 'br': {
      // A line break separates words; a page or column break is layout only.
      const type = wAttr(element, 'type');
      if (type !== 'page' && type !== 'column') state.text += ' ';
      return;
    }
    case 'tab':
    case 'ptab':
    case 'cr':
      state.text += ' ';
      return;
    case 'noBreakHyphen':
      state.text += '-';
      return;
    case 'softHyphen':
      return;
    case 'footnoteReference':
    case 'endnoteReference':
      noteReference(element, name === 'footnoteReference' ? 'footnote' : 'endnote', state, notes);
      return;
    case 'txbxContent':
      state.textBoxes.push(element);
      return;
    case 'r': {
      const properties = wChild(element, 'rPr');
      if (properties && isOn(wChild(properties, 'vanish'))) return; // hidden text
      walk(element, state, notes, depth + 1);
      state.skipNextText = false;
      return;
    }
    default:
      // Hyperlinks, fields, content controls, smart tags, insertions, moveTo, runs' containers…
      walk(element, state, notes, depth + 1);
  }
}

function noteReference(
  element: XmlElement,
  kind: 'footnote' | 'endnote',
  state: InlineState,
  notes: NoteRegistry | null,
): void {
  // With a custom mark, the run's following w:t is that mark, not document text.
  const customMark = wAttr(element, 'customMarkFollows');
  if (customMark !== null && isOnValue(customMark)) state.skipNextText = true;
  const id = wAttr(element, 'id');
  if (notes === null || id === null) return;
  const note = notes.reference(kind, id);
  if (!note) return;
  state.text += `[footnoteRef:${note.number}]`;
  if (note.first) state.newNotes.push(note.number);
}
