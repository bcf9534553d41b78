import { Resvg } from '@resvg/resvg-js';
import { existsSync } from 'node:fs';

/** CJK fonts for chart text, from the Debian fonts-noto-cjk package; the system set otherwise. */
// One face file only: each rasterisation parses its fonts, and a second 20 MB collection doubles that.
const NOTO_CJK = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];

let fontFiles: string[] | null = null;

/**
 * An SVG rasterised to PNG with resvg (prebuilt native binary, no browser), at `scale` × its size
 * so the image stays sharp when printed. Word needs PNG: SVG pictures need a PNG fallback anyway.
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  fontFiles ??= NOTO_CJK.filter((f) => existsSync(f));
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: 'Noto Sans CJK SC',
      sansSerifFamily: 'Noto Sans CJK SC',
    },
  });
  return r.render().asPng();
}
