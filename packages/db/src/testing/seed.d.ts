import type { DatabaseHandle } from '../connection.factory.js';
/** A database holding the sample plan, with the ids tests need. */
export type SeededPlan = {
    planId: string;
    versionId: string;
    indicatorIds: string[];
    taskIds: string[];
};
/** Imports the sample plan into a (fresh) database and returns its plan, indicator and task ids. */
export declare function seedSamplePlan(handle: DatabaseHandle): Promise<SeededPlan>;
//# sourceMappingURL=seed.d.ts.map