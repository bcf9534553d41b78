// node scripts/render-report-pages.mjs FILE.docx|FILE.pdf [--pages N] [--out DIR] [--name PREFIX]
// Renders the first pages of a report as PNG pictures (pdftoppm -r 60) for docs/screenshots/, so
// the pages can be looked at as an office would see them. A .docx is printed to PDF first with
// headless LibreOffice, in a private profile, with the office faces the document names mapped to
// the free fallbacks it declares (as Word and WPS do where 仿宋_GB2312 and the others are missing).
// Writes PREFIX-p1.png … (default: the file's base name, 3 pages, docs/screenshots/) and prints
// the paths, one a line.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '3' },
    out: { type: 'string', default: fileURLToPath(new URL('../docs/screenshots/', import.meta.url)) },
    name: { type: 'string' },
  },
});

const file = positionals[0];
const pages = Number(values.pages);
if (file === undefined || !existsSync(file) || !/^\.(docx|pdf)$/i.test(extname(file)) || !(pages >= 1)) {
  console.error(
    'usage: node scripts/render-report-pages.mjs FILE.docx|FILE.pdf [--pages N] [--out DIR] [--name PREFIX]',
  );
  process.exit(2);
}

// The same mapping as the report tests' LibreOffice conversion (formats/src/testing/office-convert.ts).
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
      `  <alias binding="same"><family>${name}</family><prefer><family>${to}</family></prefer></alias>`,
  )
  .join('\n')}
</fontconfig>`;

const work = mkdtempSync(join(tmpdir(), 'plantrack-pages-'));
try {
  let pdf = resolve(file);
  if (/\.docx$/i.test(file)) {
    const conf = join(work, 'fonts.conf');
    writeFileSync(conf, FONTS_CONF);
    const docx = join(work, 'report.docx');
    copyFileSync(file, docx);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'lo-profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        docx,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: conf }, stdio: 'ignore', timeout: 170_000 },
    );
    pdf = join(work, 'report.pdf');
    if (!existsSync(pdf)) throw new Error(`LibreOffice did not print ${file} to PDF`);
  }
  const raw = join(work, 'page');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(pages), pdf, raw]);
  mkdirSync(values.out, { recursive: true });
  const prefix = values.name ?? basename(file, extname(file));
  // pdftoppm pads page numbers to the width of the page count (page-1.png or page-01.png).
  const made = readdirSync(work)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)[0]) - Number(/\d+/.exec(b)[0]));
  for (const f of made) {
    const target = join(values.out, `${prefix}-p${Number(/\d+/.exec(f)[0])}.png`);
    copyFileSync(join(work, f), target);
    console.log(target);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
