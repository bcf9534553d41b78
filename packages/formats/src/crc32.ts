let table: Uint32Array | null = null;

function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** Incremental CRC-32 (IEEE 802.3, as used by zip): feed chunks with `update`, read `value`. */
export class Crc32 {
  private crc = 0xffffffff;

  /** Adds `chunk` to the checksum. */
  update(chunk: Uint8Array): void {
    const t = crcTable();
    let c = this.crc;
    for (let i = 0; i < chunk.length; i++) c = (t[(c ^ (chunk[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
    this.crc = c;
  }

  /** The unsigned CRC-32 of everything added so far. */
  get value(): number {
    return (this.crc ^ 0xffffffff) >>> 0;
  }
}
