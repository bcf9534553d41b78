/** Signature of an OLE2 / Compound File Binary (old .doc/.xls, and password-protected OOXML). */
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;

/** True when `bytes` start with the compound-file signature D0 CF 11 E0 A1 B1 1A E1. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

class CompoundFileFormatError extends Error {}

/**
 * Lists the names of all storages and streams in a compound file's directory (e.g. `WordDocument`
 * for a .doc, `EncryptionInfo` + `EncryptedPackage` for an encrypted .docx). Only the directory is
 * read. When the structure is damaged it falls back to scanning the bytes for the UTF-16LE names of
 * interest, so the result is best-effort, never an exception.
 */
export function listCompoundFileEntries(bytes: Uint8Array): string[] {
  try {
    return readDirectoryNames(bytes);
  } catch {
    return ['EncryptedPackage', 'EncryptionInfo', 'WordDocument', 'Workbook', 'PowerPoint Document'].filter(
      (name) => containsUtf16Le(bytes, name),
    );
  }
}

function readDirectoryNames(bytes: Uint8Array): string[] {
  if (bytes.length < 512 || !isCompoundFile(bytes)) throw new CompoundFileFormatError('no header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new CompoundFileFormatError('bad sector shift');
  const sectorSize = 1 << shift;
  const perSector = sectorSize / 4;
  const sectorCount = Math.floor(bytes.length / sectorSize);
  const offsetOf = (sid: number): number => {
    const at = (sid + 1) * sectorSize;
    if (sid >= MAX_REGULAR_SECTOR || at + sectorSize > bytes.length) {
      throw new CompoundFileFormatError(`sector ${sid} outside the file`);
    }
    return at;
  };

  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES; i++) {
    const sid = view.getUint32(0x4c + i * 4, true);
    if (sid < MAX_REGULAR_SECTOR) fatSectors.push(sid);
  }
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat < MAX_REGULAR_SECTOR; guard++) {
    if (guard > sectorCount) throw new CompoundFileFormatError('DIFAT loop');
    const at = offsetOf(difat);
    for (let i = 0; i < perSector - 1; i++) {
      const sid = view.getUint32(at + i * 4, true);
      if (sid < MAX_REGULAR_SECTOR) fatSectors.push(sid);
    }
    difat = view.getUint32(at + (perSector - 1) * 4, true);
  }

  const nextSector = (sid: number): number => {
    const fatSector = fatSectors[Math.floor(sid / perSector)];
    if (fatSector === undefined) throw new CompoundFileFormatError(`no FAT entry for ${sid}`);
    return view.getUint32(offsetOf(fatSector) + (sid % perSector) * 4, true);
  };

  const names: string[] = [];
  const utf16 = new TextDecoder('utf-16le');
  let sid = view.getUint32(0x30, true);
  for (let guard = 0; sid !== END_OF_CHAIN; guard++) {
    if (guard > sectorCount) throw new CompoundFileFormatError('directory chain loop');
    const at = offsetOf(sid);
    for (let entry = at; entry < at + sectorSize; entry += 128) {
      const type = view.getUint8(entry + 0x42);
      const nameBytes = view.getUint16(entry + 0x40, true);
      if ((type === 1 || type === 2) && nameBytes >= 2 && nameBytes <= 64) {
        names.push(utf16.decode(bytes.subarray(entry, entry + nameBytes - 2)));
      }
    }
    sid = nextSector(sid);
  }
  return names;
}

function containsUtf16Le(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let at = 0; at + needle.length <= bytes.length; at++) {
    for (let i = 0; i < needle.length; i++) if (bytes[at + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}
