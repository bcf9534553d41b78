/**
 * The reporting periods whose report was due by a date: years from the base year 2025 (due
 * 31 March of the next year, the default annual rule) and quarters from 2026Q1 (due the 15th of
 * the month after the quarter, the demo's quarterly rule).
 */
export function periodsDueBy(through: string): { years: number[]; quarters: string[] } {
  const years: number[] = [];
  for (let y = 2025; `${y + 1}-03-31` <= through; y++) years.push(y);
  const quarters: string[] = [];
  for (let y = 2026; y <= 2030; y++) {
    for (let q = 1; q <= 4; q++) {
      const month = q * 3 + 1; // the month after the quarter's end
      const due = month > 12 ? `${y + 1}-01-15` : `${y}-${String(month).padStart(2, '0')}-15`;
      if (due <= through) quarters.push(`${y}Q${q}`);
    }
  }
  return { years, quarters };
}

/** `2028-06-30` as given on the command line: a real calendar date between 2026 and 2031. */
export function isDemoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return (
    !Number.isNaN(date.getTime()) &&
    date.toISOString().startsWith(text) &&
    text >= '2026-01-01' &&
    text <= '2031-12-31'
  );
}
