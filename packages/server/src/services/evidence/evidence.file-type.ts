import { ApiError } from '../../errors.js';

/** An accepted evidence type: extensions, media type, and the magic-byte test its content must pass. */
type EvidenceType = { extensions: readonly string[]; mediaType: string; matches: (bytes: Buffer) => boolean };

const startsWith = (bytes: Buffer, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OOXML package names its main part in a local header near the start, uncompressed. */
const zipHolds = (bytes: Buffer, part: string): boolean =>
  startsWith(bytes, ZIP) && bytes.includes(Buffer.from(part, 'latin1'));

/** Text evidence must be UTF-8 (a BOM is allowed) without NUL bytes, so it is not a binary renamed. */
function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const TYPES: readonly EvidenceType[] = [
  {
    extensions: ['pdf'],
    mediaType: 'application/pdf',
    matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  },
  {
    extensions: ['docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: (b) => zipHolds(b, 'word/'),
  },
  {
    extensions: ['xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    matches: (b) => zipHolds(b, 'xl/'),
  },
  {
    extensions: ['png'],
    mediaType: 'image/png',
    matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { extensions: ['jpg', 'jpeg'], mediaType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { extensions: ['txt'], mediaType: 'text/plain; charset=utf-8', matches: isUtf8Text },
  { extensions: ['csv'], mediaType: 'text/csv; charset=utf-8', matches: isUtf8Text },
];

/** What the upload may be, said in the 415 message. */
export const ACCEPTED_EXTENSIONS = TYPES.flatMap((t) => t.extensions);

/**
 * The media type of an uploaded evidence file. Both the extension and the content's magic bytes
 * must agree; anything else (an unknown extension, a `.pdf` that is a zip, an empty file) is 415.
 */
export function evidenceMediaType(fileName: string, bytes: Buffer): string {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const type = TYPES.find((t) => t.extensions.includes(extension));
  if (type === undefined || bytes.length === 0 || !type.matches(bytes)) {
    throw new ApiError(415, 'unsupported-evidence-type', {
      zh: `不支持的佐证材料类型：“${fileName}”。仅接受内容与扩展名一致的 ${ACCEPTED_EXTENSIONS.join('、')} 文件（文本须为 UTF-8）。`,
      en: `Unsupported evidence file “${fileName}”: only ${ACCEPTED_EXTENSIONS.join(', ')} files whose content matches the extension are accepted (text must be UTF-8).`,
    });
  }
  return type.mediaType;
}

/** Longest name kept, in code points (the extension is kept when a longer name is cut). */
export const MAX_FILE_NAME_CHARS = 200;

/**
 * Characters a file name never keeps: control (Cc), format (Cf: the bidi overrides and isolates
 * U+202A–202E and U+2066–2069, marks U+200E/200F/061C, zero-width characters, U+FEFF), lone
 * surrogates, line and paragraph separators. A right-to-left override would otherwise make
 * `invoice\u202Efdp.exe` read as `invoiceexe.pdf`. Private-use and not yet assigned code points are
 * kept: rare characters of Chinese personal and place names may be either (GB 18030 maps some to
 * private use; a newer CJK extension may postdate this runtime's Unicode tables).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
/** Slashes that look like path separators, and characters Windows refuses in a name. */
const LOOKALIKE_OR_RESERVED = /[\u2044\u2215\u29f8\uff0f\uff3c<>:"|?*]/g;
/** Device names Windows reserves whatever the extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The name to keep for an uploaded file: NFC-normalised; the last path part only
 * (`../../etc/passwd` → `passwd`, `C:\\x\\报表.xlsx` → `报表.xlsx`); without invisible and
 * control characters; lookalike slashes and Windows-reserved characters as `_`; runs of spaces
 * (ideographic ones too) as one space; no leading dots (hidden files) or trailing dots and spaces;
 * Chinese and other letters kept; a lower-case extension of 1–10 letters or digits kept through
 * every cut; at most {@link MAX_FILE_NAME_CHARS} characters; `file` when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const last = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = last
    .replace(INVISIBLE, '')
    .replace(LOOKALIKE_OR_RESERVED, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.\s]+$/u, '');
  const match = /^(.*)\.([\p{L}\p{N}]{1,10})$/u.exec(clean);
  const extension = match?.[2] === undefined ? '' : `.${match[2].toLowerCase()}`;
  let base = (match?.[1] ?? clean).replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
  if (base === '' || WINDOWS_DEVICE.test(base)) base = base === '' ? 'file' : `_${base}`;
  const room = MAX_FILE_NAME_CHARS - [...extension].length;
  const chars = [...base];
  return (chars.length <= room ? base : chars.slice(0, room).join('').trimEnd()) + extension;
}

/** `Content-Disposition` for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
