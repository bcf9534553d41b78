import type { Commitment } from '../model/plan-model.schema.js';

/**
 * One hand-checked commitment of an answer key. A found commitment matches it when its sentence
 * contains `sentenceIncludes` and — unless `quantityText` is null — its quantity's text contains
 * `quantityText`, both compared with whitespace removed. `deadline` is the year the key expects; it
 * is not part of the match rule, only a tie-breaker when several found commitments match.
 */
export type AnswerKeyEntry = {
  sentenceIncludes: string;
  quantityText: string | null;
  deadline: number | null;
};

/** Precision and recall of found commitments against an answer key, with the misses and extras. */
export type CommitmentScore = {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** TP / found; 1 when nothing was found. */
  precision: number;
  /** TP / key entries; 1 when the key is empty. */
  recall: number;
  /** Key entries no found commitment matched. */
  misses: AnswerKeyEntry[];
  /** Found commitments that matched no key entry. */
  extras: Commitment[];
};

const squash = (s: string): string => s.replace(/\s+/g, '');

/** True when `found` satisfies the matching rule of `entry` (see {@link AnswerKeyEntry}). */
export function matchesAnswer(found: Commitment, entry: AnswerKeyEntry): boolean {
  if (!squash(found.sentence).includes(squash(entry.sentenceIncludes))) return false;
  if (entry.quantityText === null) return true;
  return found.quantity !== null && squash(found.quantity.text).includes(squash(entry.quantityText));
}

/**
 * Scores extractor output against an answer key with one-to-one matching: key entries are taken in
 * order and each claims the first unclaimed found commitment that matches it, preferring one whose
 * deadline equals the entry's. Pure and deterministic, so tests and reports can print the misses
 * and extras to explain a score.
 */
export function scoreCommitments(
  found: readonly Commitment[],
  key: readonly AnswerKeyEntry[],
): CommitmentScore {
  const claimed = new Set<number>();
  const misses: AnswerKeyEntry[] = [];
  for (const entry of key) {
    let pick = -1;
    for (let i = 0; i < found.length; i++) {
      const candidate = found[i];
      if (claimed.has(i) || !candidate || !matchesAnswer(candidate, entry)) continue;
      if (candidate.deadline === entry.deadline) {
        pick = i;
        break;
      }
      if (pick < 0) pick = i;
    }
    if (pick < 0) misses.push(entry);
    else claimed.add(pick);
  }
  const truePositives = claimed.size;
  const extras = found.filter((_, i) => !claimed.has(i));
  return {
    truePositives,
    falsePositives: extras.length,
    falseNegatives: misses.length,
    precision: found.length === 0 ? 1 : truePositives / found.length,
    recall: key.length === 0 ? 1 : truePositives / key.length,
    misses,
    extras,
  };
}
