import type { XmlElement } from './xml.parser.js';
import { childElements, isW, wAttr } from './wordml.nodes.js';

/** Footnotes live in footnotes.xml, endnotes in endnotes.xml; both are written as footnotes. */
export type NoteKind = 'footnote' | 'endnote';

/** Separator notes Word keeps in the notes parts; they are never referenced from the text. */
const SPECIAL_NOTE_TYPES = new Set(['separator', 'continuationSeparator', 'continuationNotice']);

/** Maps `w:id` → note element for a parsed footnotes.xml / endnotes.xml (null part → empty map). */
export function indexNotes(part: XmlElement | null, kind: NoteKind): Map<string, XmlElement> {
  const notes = new Map<string, XmlElement>();
  if (!part) return notes;
  for (const note of childElements(part)) {
    if (!isW(note, kind)) continue;
    const type = wAttr(note, 'type');
    const id = wAttr(note, 'id');
    if (id !== null && (type === null || !SPECIAL_NOTE_TYPES.has(type))) notes.set(id, note);
  }
  return notes;
}

/**
 * Numbers notes in order of first reference, from 0 (footnotes and endnotes share the sequence),
 * as the `[footnoteRef:N]` / `[N:  body]` layout expects.
 */
export class NoteRegistry {
  private readonly numbers = new Map<string, number>();
  private readonly bodies: XmlElement[] = [];

  constructor(
    private readonly footnotes: Map<string, XmlElement>,
    private readonly endnotes: Map<string, XmlElement>,
  ) {}

  /**
   * The number of the note `id` of `kind` and whether this is its first reference; null when the
   * notes part has no such note (the reference is then dropped).
   */
  reference(kind: NoteKind, id: string): { number: number; first: boolean } | null {
    const key = `${kind}:${id}`;
    const known = this.numbers.get(key);
    if (known !== undefined) return { number: known, first: false };
    const body = (kind === 'footnote' ? this.footnotes : this.endnotes).get(id);
    if (!body) return null;
    const number = this.bodies.length;
    this.numbers.set(key, number);
    this.bodies.push(body);
    return { number, first: true };
  }

  /** The note element numbered `number` by {@link reference}. */
  body(number: number): XmlElement | null {
    return this.bodies[number] ?? null;
  }
}
