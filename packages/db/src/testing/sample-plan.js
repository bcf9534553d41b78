import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestText } from '@plantrack/core';
/** The bundled sample plan (Wujin District, 2026–2030), as text exported from Word. */
export const SAMPLE_PLAN_PATH = fileURLToPath(new URL('../../../../examples/wujin-15th-outline.txt', import.meta.url));
let cached;
/** The sample plan's text and its ingested model (ingested once per test file). */
export function samplePlan() {
    if (cached === undefined) {
        const text = readFileSync(SAMPLE_PLAN_PATH, 'utf8');
        cached = { text, model: ingestText(text, { fileName: 'wujin-15th-outline.txt' }) };
    }
    return cached;
}
/**
 * A revised outline of the sample plan, as a planning office might issue it: the target of
 * indicator 2 (一般公共预算收入) raised from 218 to 230, and indicator 23 (粮食综合生产能力) dropped.
 */
export function revisedSamplePlan() {
    const { text } = samplePlan();
    const raised = replaceOnce(text, '\t一般公共预算收入（亿元）\n\t218\n', '\t一般公共预算收入（亿元）\n\t230\n');
    const revised = replaceOnce(raised, '\t23\n\t粮食综合生产能力（亿斤）\n\t1\n\n\t\n', '');
    return { text: revised, model: ingestText(revised, { fileName: 'wujin-15th-outline-rev.txt' }) };
}
function replaceOnce(text, from, to) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0)
        throw new Error(`Expected exactly one ${JSON.stringify(from)}`);
    return text.slice(0, at) + to + text.slice(at + from.length);
}
//# sourceMappingURL=sample-plan.js.map