import { resolvePartName } from './opc-package.js';
import { isXlsxError, xlsxErrors } from './xlsx.errors.js';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx.limits.js';
import { isDateFormat, serialToIsoDate } from './xlsx-dates.js';
import { scanXml } from './xlsx-xml.scanner.js';
import { decodeXml } from './xml-text.decoder.js';
import {
  type ZipDirectory,
  createInflateBudget,
  extractZipEntry,
  findZipEntry,
  readZipDirectory,
} from './zip.reader.js';

/** A cell as read: text, a number, a boolean, or null when empty. Dates are `YYYY-MM-DD` text. */
export type XlsxCell = string | number | boolean | null;

/** A non-empty row: its number as Excel shows it, and its cells from column A (index 0). */
export type XlsxRow = { row: number; cells: XlsxCell[] };

/** One sheet that was asked for and found. */
export type XlsxSheet = { name: string; rows: XlsxRow[] };

/** What {@link readXlsx} returns: every sheet's name, and the rows of the sheets asked for. */
export type XlsxWorkbook = { sheetNames: string[]; sheets: XlsxSheet[] };

type Relationship = { type: string; target: string };

function directoryOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return slash === -1 ? '' : part.slice(0, slash);
}

function relsPartOf(part: string): string {
  const directory = directoryOf(part);
  const file = part.slice(directory === '' ? 0 : directory.length + 1);
  return `${directory === '' ? '' : `${directory}/`}_rels/${file}.rels`;
}

/** Relationship id → type and target (resolved against the source part's directory). */
function readRelationships(xml: string | null, source: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>();
  if (xml === null) return found;
  const base = directoryOf(source);
  scanXml(xml, relsPartOf(source), {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const id = attributes.Id ?? '';
      const target = attributes.Target ?? '';
      if (target !== '')
        found.set(id, { type: attributes.Type ?? '', target: resolvePartName(base, target) });
    },
  });
  return found;
}

function byType(rels: Map<string, Relationship>, suffix: string): string | null {
  for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel.target;
  return null;
}

/** The shared strings table: plain and rich text, without phonetic (rPh) runs. */
function readSharedStrings(xml: string | null, part: string, counter: CellCounter): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  let current = '';
  let inText = false;
  let phonetic = 0;
  scanXml(xml, part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't') inText = phonetic === 0;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si') {
        counter.count();
        strings.push(current);
      }
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

/** For each cell style (`s`), whether its number format shows a date. */
function readDateStyles(xml: string | null, part: string): boolean[] {
  const dates: boolean[] = [];
  if (xml === null) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  scanXml(xml, part, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        dates.push(isDateFormat(id, custom.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

/** Counts every cell and shared string read against `maxCells`. */
class CellCounter {
  private seen = 0;
  constructor(private readonly limit: number) {}
  count(): void {
    this.seen += 1;
    if (this.seen > this.limit) throw xlsxErrors.tooManyCells(this.limit);
  }
}

type SheetContext = {
  name: string;
  shared: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
  limits: XlsxLimits;
  counter: CellCounter;
};

/** `AB12` → 27 (zero-based column); null without letters. */
function columnIndex(reference: string): number | null {
  let index = 0;
  let letters = 0;
  for (const ch of reference) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
    letters += 1;
    if (letters > 3) return null;
  }
  return letters === 0 ? null : index - 1;
}

function cellOf(type: string, style: number, value: string, inline: string, sheet: SheetContext): XlsxCell {
  switch (type) {
    case 's': {
      const text = sheet.shared[Number(value)];
      if (text === undefined) throw xlsxErrors.corrupt(`${sheet.name}: shared string ${value} missing`);
      return text;
    }
    case 'inlineStr':
      return inline;
    case 'str':
    case 'e':
      return value;
    case 'b':
      return value === '1' || value === 'true';
    case 'd':
      return value.slice(0, 10);
    default: {
      if (value.trim() === '') return null;
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      return sheet.dateStyles[style] === true ? serialToIsoDate(n, sheet.date1904) : n;
    }
  }
}

/** Reads a worksheet's rows, refusing rows past `maxRows` and keeping `maxColumns` columns. */
function readSheet(xml: string, part: string, sheet: SheetContext): XlsxRow[] {
  const { maxRows, maxColumns } = sheet.limits;
  const rows: XlsxRow[] = [];
  let rowNo = 0;
  let cells: XlsxCell[] = [];
  let nextColumn = 0;
  let column = 0;
  let type = 'n';
  let style = 0;
  let value = '';
  let inline = '';
  let inValue = false;
  let inInline = false;
  let phonetic = 0;
  scanXml(xml, part, {
    open(name, attributes) {
      if (name === 'row') {
        rowNo = attributes.r === undefined ? rowNo + 1 : Number(attributes.r);
        if (!Number.isInteger(rowNo) || rowNo < 1)
          throw xlsxErrors.corrupt(`${part}: bad row ${attributes.r}`);
        if (rowNo > maxRows) throw xlsxErrors.tooManyRows(sheet.name, rowNo, maxRows);
        cells = [];
        nextColumn = 0;
      } else if (name === 'c') {
        sheet.counter.count();
        const at = attributes.r === undefined ? nextColumn : columnIndex(attributes.r);
        if (at === null || at > 16_383) throw xlsxErrors.corrupt(`${part}: bad cell ${attributes.r}`);
        column = at;
        type = attributes.t ?? 'n';
        style = Number(attributes.s ?? 0);
        value = '';
        inline = '';
      } else if (name === 'v') {
        inValue = true;
      } else if (name === 'rPh') {
        phonetic += 1;
      } else if (name === 't') {
        inInline = phonetic === 0;
      }
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 't') inInline = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'c') {
        if (column < maxColumns) cells[column] = cellOf(type, style, value, inline, sheet);
        nextColumn = column + 1;
      } else if (name === 'row') {
        const dense = Array.from(cells, (cell) => cell ?? null);
        if (dense.some((cell) => cell !== null && cell !== '')) rows.push({ row: rowNo, cells: dense });
      }
    },
    text(text) {
      if (inValue) value += text;
      else if (inInline) inline += text;
    },
  });
  return rows;
}

function unzip(bytes: Uint8Array, limits: XlsxLimits): ZipDirectory {
  if (bytes.length === 0) throw xlsxErrors.corrupt('empty file');
  if (bytes.length > limits.maxFileBytes) throw xlsxErrors.fileTooLarge(bytes.length, limits.maxFileBytes);
  const directory = readZipDirectory(bytes);
  if (directory.entries.length > limits.maxEntries) {
    throw xlsxErrors.tooManyEntries(directory.entries.length, limits.maxEntries);
  }
  if (directory.declaredTotalBytes > limits.maxDecompressedBytes) {
    throw xlsxErrors.expandsTooLarge(
      limits.maxDecompressedBytes,
      `zip declares ${directory.declaredTotalBytes} uncompressed bytes`,
    );
  }
  return directory;
}

/**
 * Reads an .xlsx workbook's sheet names and the cells of the sheets named in `sheets`, within
 * {@link XlsxLimits}: the file size, the archive's entry count and declared sizes are checked before
 * anything is inflated; inflating stops at `maxDecompressedBytes` whatever the archive declares;
 * rows past `maxRows` and more than `maxCells` cells stop the reading. Only the parts needed are
 * inflated (workbook, its relationships, shared strings, styles and the sheets asked for), and the
 * XML is scanned as a stream, never built into a tree. Throws {@link FormatError} (`too-large`,
 * `corrupt`, `encrypted`) with a bilingual message.
 */
export function readXlsx(
  bytes: Uint8Array,
  options: { sheets: readonly string[]; limits?: Partial<XlsxLimits> },
): XlsxWorkbook {
  const limits: XlsxLimits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  try {
    const directory = unzip(bytes, limits);
    const budget = createInflateBudget(limits.maxDecompressedBytes);
    const part = (name: string | null): string | null => {
      const entry = name === null ? null : findZipEntry(directory, name);
      return entry === null ? null : decodeXml(extractZipEntry(bytes, entry, budget));
    };
    const root = readRelationships(part('_rels/.rels'), '');
    const workbookPart = byType(root, '/officeDocument') ?? 'xl/workbook.xml';
    const workbookXml = part(workbookPart);
    if (workbookXml === null) throw xlsxErrors.corrupt(`no workbook part ${workbookPart}`);
    const rels = readRelationships(part(relsPartOf(workbookPart)), workbookPart);

    const listed: { name: string; target: string | null }[] = [];
    let date1904 = false;
    scanXml(workbookXml, workbookPart, {
      open(name, attributes) {
        if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.date1904 ?? '');
        if (name !== 'sheet') return;
        const idKey = Object.keys(attributes).find((key) => key.endsWith(':id'));
        const rel = idKey === undefined ? undefined : rels.get(attributes[idKey] ?? '');
        listed.push({ name: attributes.name ?? '', target: rel?.target ?? null });
      },
    });

    const wanted = listed.filter((s) => options.sheets.includes(s.name));
    const counter = new CellCounter(limits.maxCells);
    const sharedPart = byType(rels, '/sharedStrings');
    const stylesPart = byType(rels, '/styles');
    const shared = wanted.length === 0 ? [] : readSharedStrings(part(sharedPart), sharedPart ?? '', counter);
    const dateStyles = wanted.length === 0 ? [] : readDateStyles(part(stylesPart), stylesPart ?? '');
    const sheets: XlsxSheet[] = [];
    for (const s of wanted) {
      const xml = part(s.target);
      if (xml === null) throw xlsxErrors.corrupt(`sheet ${s.name}: part ${s.target ?? '?'} missing`);
      const context = { name: s.name, shared, dateStyles, date1904, limits, counter };
      sheets.push({ name: s.name, rows: readSheet(xml, s.target ?? '', context) });
    }
    return { sheetNames: listed.map((s) => s.name), sheets };
  } catch (error) {
    if (isXlsxError(error)) throw error;
    throw xlsxErrors.fromZip(error, limits.maxDecompressedBytes);
  }
}
