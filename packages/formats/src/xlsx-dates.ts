/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the CJK ones). */
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a cell's number format shows a date: a built-in date format, or a custom code with a
 * year, month, day, hour or second placeholder outside quoted text, escapes and brackets.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (BUILT_IN_DATE_FORMATS.has(id)) return true;
  if (code === undefined) return false;
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./gu, '');
  return /[ymdhs]/iu.test(bare);
}

const DAY_MS = 86_400_000;

/** An Excel date serial as `YYYY-MM-DD` (the 1900 system counts a 29 February 1900 that never was). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const shifted = !date1904 && days < 60 ? days + 1 : days;
  const date = new Date(epoch + shifted * DAY_MS);
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}
