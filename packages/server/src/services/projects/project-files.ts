import { readFile, writeFile } from 'node:fs/promises';
import { InvalidInputError, listPlans, migrateToLatest, openDatabase } from '@plantrack/db';
import { type ProjectImportAnswer, exportSheetOf, importSheetInto } from './project-sheet.service.js';

/** Who the CLI's imports are recorded as. */
export const PROJECTS_CLI_ACTOR = 'cli:projects';

type StoreOptions = {
  plan?: string | undefined;
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
};

async function withStore<T>(
  options: StoreOptions,
  fn: (db: ReturnType<typeof openDatabase>['db'], planId: string) => Promise<T>,
): Promise<T> {
  const handle = openDatabase(
    options.databaseUrl === undefined
      ? { dataDir: options.dataDir ?? './data' }
      : { url: options.databaseUrl },
  );
  try {
    await migrateToLatest(handle.db);
    const plans = await listPlans(handle.db);
    const found =
      options.plan === undefined
        ? undefined
        : plans.find((p) => p.id === options.plan || p.slug === options.plan);
    if (options.plan !== undefined && found === undefined) {
      throw new InvalidInputError({
        zh: `没有这个规划：${options.plan}`,
        en: `No such plan: ${options.plan}`,
      });
    }
    const planId = found?.id ?? (plans.length === 1 ? plans[0]?.id : undefined);
    if (planId === undefined) {
      throw new InvalidInputError({
        zh: `库中有 ${plans.length} 个规划，请用 --plan 指定一个。`,
        en: `The store holds ${plans.length} plans; name one with --plan.`,
      });
    }
    return await fn(handle.db, planId);
  } finally {
    await handle.close();
  }
}

/** `plantrack projects import FILE.xlsx`: reads the sheet and imports it all or nothing (or previews it). */
export async function importProjectsFile(
  options: StoreOptions & {
    file: string;
    year?: number | undefined;
    confirm?: string | undefined;
    preview?: boolean | undefined;
  },
): Promise<ProjectImportAnswer> {
  const bytes = await readFile(options.file);
  return withStore(options, (db, planId) =>
    importSheetInto(db, planId, {
      bytes,
      mode: options.preview === true ? 'preview' : 'commit',
      year: options.year,
      confirm: options.confirm,
      by: PROJECTS_CLI_ACTOR,
    }),
  );
}

/** `plantrack projects export --out FILE.xlsx`: writes the register in the import layout; the number of projects. */
export async function exportProjectsFile(
  options: StoreOptions & { out: string; year?: number | undefined },
): Promise<{ out: string }> {
  const { bytes } = await withStore(options, (db, planId) => exportSheetOf(db, planId, options.year));
  await writeFile(options.out, bytes);
  return { out: options.out };
}
