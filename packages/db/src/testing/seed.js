import { listIndicators, listTasks } from '../repositories/plan/plan-query.repository.js';
import { importPlanVersion } from '../repositories/plan/plan.repository.js';
import { samplePlan } from './sample-plan.js';
/** Imports the sample plan into a (fresh) database and returns its plan, indicator and task ids. */
export async function seedSamplePlan(handle) {
    const { text, model } = samplePlan();
    const { planId, versionId } = await importPlanVersion(handle.db, { model, text, actor: 'seed' });
    const indicators = await listIndicators(handle.db, planId);
    const tasks = await listTasks(handle.db, planId);
    return {
        planId,
        versionId,
        indicatorIds: indicators.map((i) => i.indicatorId),
        taskIds: tasks.map((t) => t.taskId),
    };
}
//# sourceMappingURL=seed.js.map