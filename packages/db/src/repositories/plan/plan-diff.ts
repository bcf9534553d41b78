/** The fields of an indicator version compared between plan versions. */
export type ComparedIndicator = {
  key: string;
  indicatorId: string;
  seq: string;
  name: string;
  groupName: string | null;
  unit: string | null;
  attribute: string | null;
  direction: string | null;
  targetText: string;
  scope: string | null;
  baselineText: string | null;
};

/** An indicator present in one version only. */
export type IndicatorDiffEntry = { key: string; indicatorId: string; seq: string; name: string };

/** One changed field of an indicator present in both versions. */
export type FieldChange = { field: string; before: string | null; after: string | null };

/** An indicator present in both versions whose text changed. */
export type IndicatorChange = IndicatorDiffEntry & { changes: FieldChange[] };

/** Differences in the indicators between two versions of a plan, matched by `indicator_key`. */
export type IndicatorDiff = {
  added: IndicatorDiffEntry[];
  removed: IndicatorDiffEntry[];
  changed: IndicatorChange[];
};

/** Differences in the tasks between two versions, matched by `task_key`; changed = other owners. */
export type TaskDiff = {
  added: { key: string; taskId: string; measure: string }[];
  removed: { key: string; taskId: string; measure: string }[];
  changed: { key: string; taskId: string; measure: string; before: string[]; after: string[] }[];
};

const FIELDS = [
  ['seq', 'seq'],
  ['name', 'name'],
  ['groupName', 'group_name'],
  ['unit', 'unit'],
  ['attribute', 'attribute'],
  ['direction', 'direction'],
  ['targetText', 'target_text'],
  ['scope', 'scope'],
  ['baselineText', 'baseline_text'],
] as const;

/** Compares indicators by key; the order of the result follows the new version, then the old. */
export function diffIndicators(
  before: readonly ComparedIndicator[],
  after: readonly ComparedIndicator[],
): IndicatorDiff {
  const old = new Map(before.map((i) => [i.key, i]));
  const now = new Set(after.map((i) => i.key));
  const entry = (i: ComparedIndicator): IndicatorDiffEntry => ({
    key: i.key,
    indicatorId: i.indicatorId,
    seq: i.seq,
    name: i.name,
  });
  const diff: IndicatorDiff = { added: [], removed: [], changed: [] };
  for (const next of after) {
    const prev = old.get(next.key);
    if (prev === undefined) {
      diff.added.push(entry(next));
      continue;
    }
    const changes: FieldChange[] = [];
    for (const [field, column] of FIELDS) {
      if (prev[field] !== next[field])
        changes.push({ field: column, before: prev[field], after: next[field] });
    }
    if (changes.length > 0) diff.changed.push({ ...entry(next), changes });
  }
  for (const prev of before) if (!now.has(prev.key)) diff.removed.push(entry(prev));
  return diff;
}

/** A task as compared between versions: its key, identity, measure and owners. */
export type ComparedTask = { key: string; taskId: string; measure: string; owners: string[] };

/** Compares tasks by key: added, removed, and those whose lead/co-lead departments changed. */
export function diffTasks(before: readonly ComparedTask[], after: readonly ComparedTask[]): TaskDiff {
  const old = new Map(before.map((t) => [t.key, t]));
  const now = new Set(after.map((t) => t.key));
  const diff: TaskDiff = { added: [], removed: [], changed: [] };
  for (const next of after) {
    const prev = old.get(next.key);
    const brief = { key: next.key, taskId: next.taskId, measure: next.measure };
    if (prev === undefined) diff.added.push(brief);
    else if (prev.owners.join('、') !== next.owners.join('、')) {
      diff.changed.push({ ...brief, before: prev.owners, after: next.owners });
    }
  }
  for (const prev of before) {
    if (!now.has(prev.key)) diff.removed.push({ key: prev.key, taskId: prev.taskId, measure: prev.measure });
  }
  return diff;
}
