import { type PlanModel } from '@plantrack/core';
/** The bundled sample plan (Wujin District, 2026–2030), as text exported from Word. */
export declare const SAMPLE_PLAN_PATH: string;
/** The sample plan's text and its ingested model (ingested once per test file). */
export declare function samplePlan(): {
    text: string;
    model: PlanModel;
};
/**
 * A revised outline of the sample plan, as a planning office might issue it: the target of
 * indicator 2 (一般公共预算收入) raised from 218 to 230, and indicator 23 (粮食综合生产能力) dropped.
 */
export declare function revisedSamplePlan(): {
    text: string;
    model: PlanModel;
};
//# sourceMappingURL=sample-plan.d.ts.map