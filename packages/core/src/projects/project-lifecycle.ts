import type { BilingualMessage } from '../model/plan-model.schema.js';
import type { ProjectStage } from './project.types.js';

/** 储备 → 前期 → 在建 → 竣工 → 后评价: the lifecycle, in order. */
export const PROJECT_STAGES: readonly ProjectStage[] = ['储备', '前期', '在建', '竣工', '后评价'];

const STAGE_EN: Readonly<Record<ProjectStage, string>> = {
  储备: 'pipeline',
  前期: 'preparation',
  在建: 'under construction',
  竣工: 'completed',
  后评价: 'post-evaluated',
};

/**
 * Allowed moves: one step forward, or back from 前期 to 储备 (a project shelved before it starts).
 * Nothing leaves 后评价, and a project under construction cannot return to the pipeline: what was
 * spent stays on record.
 */
const ALLOWED: Readonly<Record<ProjectStage, readonly ProjectStage[]>> = {
  储备: ['前期'],
  前期: ['在建', '储备'],
  在建: ['竣工'],
  竣工: ['后评价'],
  后评价: [],
};

export function allowedTransitions(from: ProjectStage): readonly ProjectStage[] {
  return ALLOWED[from];
}

/** Null when `from → to` is allowed, else why not (zh/en). */
export function checkTransition(from: ProjectStage, to: ProjectStage): BilingualMessage | null {
  if (ALLOWED[from].includes(to)) return null;
  const next = ALLOWED[from];
  return {
    zh: `项目不能从“${from}”转为“${to}”${next.length === 0 ? '（已是最后阶段）' : `，只能转为${next.map((s) => `“${s}”`).join('或')}`}`,
    en: `A project cannot move from ${STAGE_EN[from]} to ${STAGE_EN[to]}${next.length === 0 ? ' (last stage)' : `; allowed: ${next.map((s) => STAGE_EN[s]).join(' or ')}`}`,
  };
}
