import { constants, crc32, deflateRawSync } from 'node:zlib';
import { Zip, ZipDeflate, type ZipInputFile, strToU8, zipSync } from 'fflate';

/**
 * Test-only builders of .xlsx files: a workbook laid out the way Excel writes one, and a
 * decompression bomb that is a valid workbook whose sheet is a huge run of repeated cells.
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** One sheet: its name and the XML inside `<sheetData>`. */
export type SheetSpec = { name: string; sheetData: string };

/** The parts of a workbook as Excel writes them (shared strings, styles, `r:id` sheet links). */
export function workbookParts(
  sheets: readonly SheetSpec[],
  options: { sharedStrings?: string; styles?: string; date1904?: boolean } = {},
): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  const rels = sheets.map(
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  if (options.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] = `${XML_HEAD}<sst xmlns="${NS}">${options.sharedStrings}</sst>`;
  }
  if (options.styles !== undefined) {
    rels.push(`<Relationship Id="rIdT" Type="${REL_NS}/styles" Target="/xl/styles.xml"/>`);
    parts['xl/styles.xml'] = `${XML_HEAD}<styleSheet xmlns="${NS}">${options.styles}</styleSheet>`;
  }
  parts['xl/_rels/workbook.xml.rels'] =
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`;
  const sheetList = sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  parts['xl/workbook.xml'] =
    `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr${options.date1904 === true ? ' date1904="1"' : ''}/>` +
    `<sheets>${sheetList}</sheets></workbook>`;
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetData>${s.sheetData}</sheetData></worksheet>`;
  });
  return parts;
}

/** Zips parts (deflated) into .xlsx bytes. */
export function zipParts(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)])));
}

/** Deflates `data` on its own (no reference to anything before it), ending on a byte boundary. */
function deflateUnit(data: Uint8Array, final: boolean): Uint8Array<ArrayBuffer> {
  return deflateRawSync(data, { level: 9, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/**
 * A valid .xlsx whose sheet `sheet` holds `rows` rows of `columns` cells each, every cell the same
 * shared string: the XML is about `rows × (columns × 22 + 11)` bytes, deflated about a thousand
 * times smaller. The repeated block is compressed once and its deflate output repeated, so
 * building even a gigabyte bomb takes a moment and never holds the expanded sheet in memory.
 * `lieAboutSize` rewrites the central directory to declare a tiny sheet, as a hostile file would.
 */
export function xlsxBomb(options: {
  sheet: string;
  rows: number;
  columns: number;
  lieAboutSize?: boolean;
}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error !== null) throw error;
    chunks.push(data);
  });
  const parts = workbookParts([{ name: options.sheet, sheetData: '@' }], {
    sharedStrings: '<si><t>1</t></si>',
  });
  const [head, tail] = (parts['xl/worksheets/sheet1.xml'] ?? '').split('@').map((t) => strToU8(t)) as [
    Uint8Array,
    Uint8Array,
  ];
  delete parts['xl/worksheets/sheet1.xml'];
  for (const [name, text] of Object.entries(parts)) {
    const file = new ZipDeflate(name);
    zip.add(file);
    file.push(strToU8(text), true);
  }
  const row = strToU8(`<row>${'<c t="s"><v>0</v></c>'.repeat(options.columns)}</row>`);
  const perBlock = Math.max(1, Math.min(options.rows, Math.floor((256 * 1024) / row.length)));
  const block = new Uint8Array(row.length * perBlock);
  for (let i = 0; i < perBlock; i++) block.set(row, i * row.length);
  const blocks = Math.ceil(options.rows / perBlock);
  let crc = crc32(head);
  for (let i = 0; i < blocks; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  const sheet: ZipInputFile = {
    filename: 'xl/worksheets/sheet1.xml',
    size: head.length + block.length * blocks + tail.length,
    crc,
    compression: 8,
  };
  zip.add(sheet);
  const emit = (data: Uint8Array<ArrayBuffer>, final: boolean): void => {
    sheet.ondata?.(null, data, final);
  };
  emit(deflateUnit(head, false), false);
  const unit = deflateUnit(block, false);
  for (let i = 0; i < blocks; i++) emit(unit, false);
  emit(deflateUnit(tail, true), true);
  zip.end();
  const bytes = concat(chunks);
  if (options.lieAboutSize === true) declareSmallSheet(bytes);
  return bytes;
}

/** Sets the declared uncompressed size of the sheet in the central directory to 1 KiB. */
function declareSmallSheet(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = strToU8('xl/worksheets/sheet1.xml');
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
    if (bytes.subarray(at + 46, at + 46 + name.length).every((b, i) => b === name[i])) {
      view.setUint32(at + 24, 1024, true);
      return;
    }
  }
  throw new Error('sheet entry not found');
}
