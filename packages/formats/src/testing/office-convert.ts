import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Where the office fonts (仿宋_GB2312, 方正小标宋简体 …) are not installed, map them to the free
 * fallbacks the document declares for them (its font table's altName), as Word and WPS do. Without
 * this, LibreOffice's fontconfig picks a sans-serif face for every unknown Chinese name.
 */
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${[
    ['仿宋_GB2312', 'Noto Serif CJK SC'],
    ['方正小标宋简体', 'Noto Serif CJK SC'],
    ['宋体', 'Noto Serif CJK SC'],
    ['楷体_GB2312', 'Noto Serif CJK SC'],
    ['黑体', 'Noto Sans CJK SC'],
  ]
    .map(
      ([name, to]) =>
        `<alias binding="same"><family>${name}</family><prefer><family>${to}</family></prefer></alias>`,
    )
    .join('\n  ')}
</fontconfig>`;

/** Convert a .docx to PDF with headless LibreOffice, in a private profile so parallel runs don't clash. */
export async function docxToPdf(dir: string, docxName: string): Promise<string> {
  const conf = join(dir, 'fonts.conf');
  writeFileSync(conf, FONTS_CONF);
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      join(dir, docxName),
    ],
    { env: { ...process.env, FONTCONFIG_FILE: conf }, timeout: 170_000 },
  );
  return join(dir, docxName.replace(/\.docx$/, '.pdf'));
}

/** Run a poppler tool and return its standard output. */
export async function poppler(
  tool: 'pdfinfo' | 'pdffonts' | 'pdftotext' | 'pdftoppm' | 'pdftohtml',
  args: string[],
): Promise<string> {
  const { stdout } = await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Words of one page with their boxes, from `pdftotext -bbox`. */
export type PlacedWord = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Parse the `<word>` elements of one page of `pdftotext -bbox` output. */
export function pageWords(html: string, page: number): PlacedWord[] {
  const pages = html.split(/<page /).slice(1);
  const p = pages[page - 1] ?? '';
  const out: PlacedWord[] = [];
  for (const m of p.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
  )) {
    out.push({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5] ?? '',
    });
  }
  return out;
}
