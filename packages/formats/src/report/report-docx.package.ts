import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FONTS } from './report-docx.layout.js';

/**
 * A font of the font table with the name offices use and the free font Word and WPS fall back to
 * where it is not installed (`w:altName`); charset 86 = GB2312.
 */
function fontEntry(name: string, fallback: string, family: 'roman' | 'modern'): string {
  return `<w:font w:name="${name}"><w:altName w:val="${fallback}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
}

const FONT_TABLE = (() => {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const f of Object.values(FONTS)) {
    if (seen.has(f.name)) continue;
    seen.add(f.name);
    entries.push(fontEntry(f.name, f.fallback, f.name === '黑体' ? 'modern' : 'roman'));
  }
  return entries.join('');
})();

/**
 * Finish the package the `docx` library wrote: mirrored margins in the settings (the 28 mm
 * binding margin is inside on odd and even pages alike), and the font table naming each office
 * font with its fallback. The library has no option for either.
 */
export function finishReportPackage(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const settings = files['word/settings.xml'];
  if (settings !== undefined) {
    const xml = strFromU8(settings);
    // mirrorMargins precedes every other setting the library writes (CT_Settings order).
    files['word/settings.xml'] = strToU8(xml.replace(/(<w:settings\b[^>]*>)/, '$1<w:mirrorMargins/>'));
  }
  const table = files['word/fontTable.xml'];
  if (table !== undefined) {
    const xml = strFromU8(table);
    files['word/fontTable.xml'] = strToU8(
      /<w:fonts\b[^>]*\/>/.test(xml)
        ? xml.replace(/<w:fonts\b([^>]*)\/>/, `<w:fonts$1>${FONT_TABLE}</w:fonts>`)
        : xml.replace(/(<w:fonts\b[^>]*>)/, `$1${FONT_TABLE}`),
    );
  }
  // Pictures are compressed already; deflating them again only costs time.
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  for (const [name, data] of Object.entries(files))
    entries[name] = name.startsWith('word/media/') ? [data, { level: 0 }] : data;
  return zipSync(entries, { level: 6 });
}
