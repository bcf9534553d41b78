import type { EntryText } from './entry.messages';
import type { ProgressCode } from '@plantrack/api';

/** 未启动 / 推进中 / 已完成 / 滞后 in the current language. */
export function progressLabels(t: EntryText): Record<ProgressCode, string> {
  return { not_started: t.notStarted, in_progress: t.inProgress, completed: t.completed, delayed: t.delayed };
}
