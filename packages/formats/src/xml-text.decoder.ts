/** Strict decoders, made once: building a `TextDecoder` costs about as much as decoding a part. */
const DECODERS = {
  'utf-8': new TextDecoder('utf-8', { fatal: true }),
  'utf-16le': new TextDecoder('utf-16le', { fatal: true }),
  'utf-16be': new TextDecoder('utf-16be', { fatal: true }),
} as const;

/** Decodes an XML part: UTF-16 when it starts with a UTF-16 BOM, otherwise strict UTF-8. */
export function decodeXml(bytes: Uint8Array): string {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  return DECODERS[encoding].decode(bytes);
}
