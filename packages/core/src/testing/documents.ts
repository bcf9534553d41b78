import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's bundled sample plan (Wujin District, 2026–2030), as text exported from Word. */
export const SAMPLE_PLAN_PATH = fileURLToPath(
  new URL('../../../../examples/wujin-15th-outline.txt', import.meta.url),
);

/** Other real outlines live beside the checkout in `../shared/corpus/` and are never committed. */
export const CORPUS_DIR = fileURLToPath(new URL('../../../../../shared/corpus/', import.meta.url));

export function readSamplePlan(): string {
  return readFileSync(SAMPLE_PLAN_PATH, 'utf8');
}

/** The documents of `../shared/corpus/`. */
export type CorpusDocument =
  | 'suzhou-15th-outline.txt'
  | 'hangzhou-15th-outline.txt'
  | 'national-15th-outline-excerpt.txt'
  | 'shanghai-15th-outline.txt'
  | 'shenzhen-15th-outline.txt'
  | 'hefei-2026-work-report.txt';

export function readCorpus(name: CorpusDocument): string {
  return readFileSync(`${CORPUS_DIR}${name}`, 'utf8');
}
