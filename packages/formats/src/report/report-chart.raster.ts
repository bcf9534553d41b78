import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/**
 * The chart face, first found wins. resvg parses a font for every text run it lays out: a CFF
 * collection such as Noto Sans CJK costs ~18 ms a run (~300 ms a chart), a TrueType one ~1 ms, so
 * WenQuanYi Micro Hei (Debian fonts-wqy-microhei, TrueType) comes first and Noto (fonts-noto-cjk)
 * is only the slow fallback.
 */
const CHART_FACES = [
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYi Micro Hei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC' },
] as const;

/** The Latin face the charts name first for figures (see CHART_NUMBER_FONT). */
const FIGURES_FACE = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

type ChartFace = { fontFiles: string[]; family: string | null };
let face: ChartFace | null = null;

/** The chart face of this machine, looked up once per process. */
function chartFace(): ChartFace {
  if (face !== null) return face;
  const found = CHART_FACES.find((f) => existsSync(f.file));
  const figures = existsSync(FIGURES_FACE) ? [FIGURES_FACE] : [];
  face =
    found === undefined
      ? { fontFiles: [], family: null }
      : { fontFiles: [found.file, ...figures], family: found.family };
  return face;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA rows [from, to) of a pixel buffer as a PNG (8-bit RGBA, no filter, zlib). */
function encodePng(pixels: Uint8Array, width: number, from: number, to: number): Uint8Array {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * (to - from));
  for (let y = from; y < to; y++) {
    const at = (y - from) * (stride + 1);
    raw[at] = 0;
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), at + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(to - from, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    // Level 1: a third of level 6's time for a file about 1.5× larger (charts are mostly flat colour).
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/**
 * SVG charts of one size rasterised to PNG with resvg (prebuilt native binary, no browser), at
 * `scale` × their size: 1.5 puts a 640 px chart printed 14 cm wide at about 175 dpi, sharp on
 * paper, where 2 cost 40 % more time for no visible gain. Word needs PNG (SVG pictures need a PNG
 * fallback anyway). Every Resvg instance loads its fonts again, so all charts are stacked into one
 * SVG, drawn in one pass and cut apart again.
 */
export function svgsToPngs(
  svgs: readonly string[],
  size: { width: number; height: number },
  scale = 1.5,
): Uint8Array[] {
  if (svgs.length === 0) return [];
  const { fontFiles, family } = chartFace();
  const stacked =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height * svgs.length}">` +
    svgs.map((s, i) => s.replace(/<svg\b/, `<svg y="${i * size.height}"`)).join('') +
    '</svg>';
  const image = new Resvg(stacked, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles,
      // Only where neither face is installed: scanning every system font costs more than a chart.
      loadSystemFonts: family === null,
      ...(family === null ? {} : { defaultFontFamily: family, sansSerifFamily: family }),
    },
  }).render();
  // Cut at whole pixel rows (a scale such as 1.5 may not give each chart a whole number).
  const cut = (i: number): number => Math.round((i * image.height) / svgs.length);
  // `pixels` copies the whole image out of the native side on every read: read it once.
  const pixels = image.pixels;
  return svgs.map((_, i) => encodePng(pixels, image.width, cut(i), cut(i + 1)));
}
