/**
 * GB/T 9704-2012 page and type settings for reports, in Word units (twips = 1/20 pt, half-points
 * for font sizes). One place, so the renderer and the tests agree on the numbers.
 */
const MM = 1440 / 25.4;

/** Millimetres to twips, rounded. */
export const mm = (x: number): number => Math.round(x * MM);

/** A4 portrait; text block 156 × 225 mm; top 37 mm; binding (inside) 28 mm, mirrored. */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  inside: mm(28),
  outside: mm(210 - 28 - 156),
  bottom: mm(297 - 37 - 225),
  /** Footer distance: the page number sits about 7 mm below the text block. */
  footer: mm(297 - 37 - 225 - 7 - 5.5),
  header: mm(15),
  textWidth: mm(156),
} as const;

/** The landscape page for wide tables: same paper, the text block turned. */
export const LANDSCAPE = {
  top: mm(28),
  bottom: mm(26),
  left: mm(37),
  right: mm(35),
  textWidth: mm(297 - 37 - 35),
} as const;

/** 22 lines in 225 mm: a fixed line pitch of 225 mm ÷ 22 ≈ 28.9 pt. */
export const LINE_PITCH = Math.floor(mm(225) / 22);

/** 28 characters in 156 mm: 3号 (16 pt) characters set 0.25 pt closer (w:spacing −5 twips). */
export const CHAR_SPACING = -5;

/** Font names as offices declare them, with the free fallbacks the file names beside them. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: 'Noto Serif CJK SC' },
  body: { name: '仿宋_GB2312', fallback: 'FangSong' },
  heading1: { name: '黑体', fallback: 'Noto Sans CJK SC' },
  heading2: { name: '楷体_GB2312', fallback: 'KaiTi' },
  pageNumber: { name: '宋体', fallback: 'Noto Serif CJK SC' },
  table: { name: '仿宋_GB2312', fallback: 'FangSong' },
} as const;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt, 小四 12 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 24, wideTable: 21 } as const;

/** The 演示数据 watermark text. */
export const DEMO_WATERMARK = '演示数据';
