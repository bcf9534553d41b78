// Writes docs/openapi.json from the route schemas (run after build):
//   node packages/server/dist/openapi.generate.js          write the file
//   node packages/server/dist/openapi.generate.js --check  fail when the committed file is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument, openApiText } from './openapi.js';

const target = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));
const text = openApiText(await openApiDocument());

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== text) {
    console.error('docs/openapi.json is stale: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date.');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
