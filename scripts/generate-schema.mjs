// Writes docs/plan-model.schema.json from the zod schema in packages/core (built first).
// With --check, fails when the committed file differs from what the schema generates.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PlanModelSchema, MODEL_VERSION } from '../packages/core/dist/index.js';

const target = fileURLToPath(new URL('../docs/plan-model.schema.json', import.meta.url));
const schema = {
  $id: `https://plantrack.example/schemas/plan-model-${MODEL_VERSION}.json`,
  title: `PlanTrack plan model ${MODEL_VERSION}`,
  ...z.toJSONSchema(PlanModelSchema, { target: 'draft-2020-12', reused: 'ref' }),
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== text) {
    console.error('docs/plan-model.schema.json is stale: run `npm run schema` and commit the result.');
    process.exit(1);
  }
  console.log('docs/plan-model.schema.json is up to date.');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
