import type { Alongside, SelfReviewGround } from '@plantrack/db';
import { type Principal, actorOf, hasRole } from '../../auth/principal.js';
import type { AppContext } from '../../context.js';
import { ApiError } from '../../errors.js';
import { enforce } from '../../policies/policy.js';
import {
  type RecordTarget,
  canReadRecordHistory,
  canReview,
  canWriteRecord,
  permitsRecord,
} from '../../policies/record.policy.js';
import { stampedCachePerApp } from '../cache/stamped.cache.js';

/** What a reporter may do when writing: keep a draft or submit it for review. */
export type WriteAction = 'save_draft' | 'submit';

export type WriteInput<R, V> = {
  ref: R;
  action: WriteAction;
  expectedRevision: number;
  values?: V | undefined;
  idempotencyKey?: string | undefined;
  /** Quality warnings the submitter saw and confirmed before submitting (their codes). */
  confirmedWarnings?: readonly string[] | undefined;
};
export type ApproveInput = {
  expectedRevision: number;
  note?: string | undefined;
  idempotencyKey?: string | undefined;
};
export type ReturnInput = { expectedRevision: number; reason: string; idempotencyKey?: string | undefined };
export type CorrectInput<V> = {
  expectedRevision: number;
  values: V;
  reason: string;
  idempotencyKey?: string | undefined;
  /** Warning codes the corrector saw and confirmed, recorded on the correction's flags. */
  confirmedWarnings?: readonly string[] | undefined;
};

type Db = AppContext['db'];
type ActionArgs<R> = { ref: R; expectedRevision: number; actor: string; idempotencyKey: string | null };
/** Writes made with a revision that enters review, in its transaction (db `ReviewCommand.alongside`). */
type WithReview<Rev> = { alongside?: Alongside<Rev> | undefined };
/** Approvals and returns: why the reviewer may decide their own submission, if at all (db four-eyes.ts). */
type Decision = { selfReview?: SelfReviewGround | undefined };

/** The function set `observationRepository` and `progressReportRepository` share (db review-flow). */
export type ReviewFlowRepository<R, V, Rev> = {
  saveDraft(db: Db, args: ActionArgs<R> & { values: V }): Promise<Rev>;
  submit(db: Db, args: ActionArgs<R> & WithReview<Rev> & { values?: V }): Promise<Rev>;
  approve(db: Db, args: ActionArgs<R> & Decision & { note?: string }): Promise<Rev>;
  returnForCorrection(db: Db, args: ActionArgs<R> & Decision & { reason: string }): Promise<Rev>;
  correctApproved(
    db: Db,
    args: ActionArgs<R> & WithReview<Rev> & { values: V; reason: string },
  ): Promise<Rev>;
  history(db: Db, ref: NoInfer<R>): Promise<Rev[]>;
};

/** One kind of reviewed record: how its key is read, who owns it, where it is stored, how it is shown. */
export type RecordKind<R, V, Rev, Dto> = {
  repository: ReviewFlowRepository<R, V, Rev>;
  parseKey: (key: string) => R;
  ownerDepartmentIds: (ctx: AppContext, ref: R) => Promise<string[]>;
  present: (revision: Rev) => Dto;
  /**
   * What to write with every revision that enters review (a submission, a correction), in the
   * revision's own transaction; prepared before it, so the transaction does no extra reads
   * (observations: the data-quality check, quality.service.ts).
   */
  onReview?: (ctx: AppContext, ref: R, confirmed?: readonly string[]) => Promise<Alongside<Rev>>;
  /** What a history adds to the revisions (the evidence files of each), read with them. */
  decorateHistory?: (ctx: AppContext, revisions: Dto[]) => Promise<Dto[]>;
  /** What of a (cached, decorated) history one reader may see (evidence files by audience). */
  forReader?: (p: Principal, revisions: Dto[], target: () => Promise<RecordTarget>) => Promise<Dto[]>;
};

/** The review flow over HTTP-facing inputs: policy checks, then the repository, then the presenter. */
export type ReviewFlowService<R, V, Dto> = {
  write(ctx: AppContext, p: Principal, input: WriteInput<R, V>): Promise<Dto>;
  approve(ctx: AppContext, p: Principal, key: string, input: ApproveInput): Promise<Dto>;
  return(ctx: AppContext, p: Principal, key: string, input: ReturnInput): Promise<Dto>;
  correct(ctx: AppContext, p: Principal, key: string, input: CorrectInput<V>): Promise<Dto>;
  history(ctx: AppContext, p: Principal, key: string): Promise<Dto[]>;
};

export function reviewFlowService<R, V, Rev, Dto>(
  kind: RecordKind<R, V, Rev, Dto>,
): ReviewFlowService<R, V, Dto> {
  const { repository, present } = kind;
  // Histories are read far more often than records change (a reviewer opens one, a clerk looks
  // again): kept against the change stamp like the dashboards, after the read policy. Room for
  // one history of every indicator of a province-scale deployment; each is a few kilobytes.
  const historyCache = stampedCachePerApp<Dto[]>(4_096);
  const readHistory = async (ctx: AppContext, ref: R): Promise<Dto[]> => {
    const revisions = (await repository.history(ctx.db, ref)).map(present);
    return kind.decorateHistory === undefined ? revisions : kind.decorateHistory(ctx, revisions);
  };
  const target = async (ctx: AppContext, ref: R) => ({
    ownerDepartmentIds: await kind.ownerDepartmentIds(ctx, ref),
  });
  const actionArgs = (
    p: Principal,
    ref: R,
    input: { expectedRevision: number; idempotencyKey?: string | undefined },
  ): ActionArgs<R> => ({
    ref,
    expectedRevision: input.expectedRevision,
    actor: actorOf(p),
    idempotencyKey: input.idempotencyKey ?? null,
  });

  return {
    async write(ctx, p, input) {
      enforce(p, await permitsRecord(p, canWriteRecord, () => target(ctx, input.ref)));
      const common = actionArgs(p, input.ref, input);
      if (input.action === 'save_draft') {
        if (input.values === undefined) throw missingValues();
        return present(await repository.saveDraft(ctx.db, { ...common, values: input.values }));
      }
      return present(
        await repository.submit(ctx.db, {
          ...common,
          alongside: await kind.onReview?.(ctx, input.ref, input.confirmedWarnings ?? []),
          ...(input.values === undefined ? {} : { values: input.values }),
        }),
      );
    },
    async approve(ctx, p, key, input) {
      const ref = kind.parseKey(key);
      enforce(p, canReview(p));
      return present(
        await repository.approve(ctx.db, {
          ...actionArgs(p, ref, input),
          selfReview: await selfReviewGround(p, () => kind.ownerDepartmentIds(ctx, ref)),
          ...(input.note === undefined ? {} : { note: input.note }),
        }),
      );
    },
    async return(ctx, p, key, input) {
      const ref = kind.parseKey(key);
      enforce(p, canReview(p));
      return present(
        await repository.returnForCorrection(ctx.db, {
          ...actionArgs(p, ref, input),
          selfReview: await selfReviewGround(p, () => kind.ownerDepartmentIds(ctx, ref)),
          reason: input.reason,
        }),
      );
    },
    async correct(ctx, p, key, input) {
      const ref = kind.parseKey(key);
      enforce(p, await permitsRecord(p, canWriteRecord, () => target(ctx, ref)));
      return present(
        await repository.correctApproved(ctx.db, {
          ...actionArgs(p, ref, input),
          alongside: await kind.onReview?.(ctx, ref, input.confirmedWarnings ?? []),
          values: input.values,
          reason: input.reason,
        }),
      );
    },
    async history(ctx, p, key) {
      const ref = kind.parseKey(key);
      // The owners are looked up at most once, for the read policy and the reader's cut alike.
      let owners: Promise<RecordTarget> | undefined;
      const lookUp = (): Promise<RecordTarget> => (owners ??= target(ctx, ref));
      enforce(p, await permitsRecord(p, canReadRecordHistory, lookUp));
      const history = await historyCache(ctx).get(key, await ctx.changeStamps.current(), () =>
        readHistory(ctx, ref),
      );
      return kind.forReader === undefined ? history : kind.forReader(p, history, lookUp);
    },
  };
}

/**
 * What "entered on a department's behalf" means for the four-eyes rule: the reviewer holds the
 * planning office role and belongs to none of the record's owning departments. Such a user may
 * decide their own submission where the plan's review settings allow it (the store checks the
 * setting and whether they are the submitter at all, in the writing transaction). Anyone else —
 * a department's reporter who is also a reviewer, an office user of an owning department — has no
 * ground. The owners are looked up only for an office user who belongs to a department.
 */
async function selfReviewGround(
  p: Principal,
  owners: () => Promise<readonly string[]>,
): Promise<SelfReviewGround | undefined> {
  if (!hasRole(p, 'planning_office')) return undefined;
  if (p.departmentIds.length === 0) return 'office-on-behalf';
  const owning = await owners();
  return p.departmentIds.some((d) => owning.includes(d)) ? undefined : 'office-on-behalf';
}

function missingValues(): ApiError {
  return new ApiError(400, 'missing-values', {
    zh: '保存草稿时必须提供填报内容。',
    en: 'A draft needs values.',
  });
}
