import { bilingual } from './backup.command.js';

/** The options of `plantrack serve` as commander hands them over. */
export type ServeCliOptions = {
  port: string;
  host: string;
  dataDir: string;
  trustProxy?: string;
  secureCookies?: string;
  publicUrl?: string;
  logLevel?: string;
};

/**
 * `plantrack serve`: the service on the embedded database (or PostgreSQL when DATABASE_URL is set),
 * with the sample plan loaded into an empty database. Runs until interrupted. Behind a reverse
 * proxy, `--trust-proxy`, `--secure-cookies` and `--public-url` (or their PLANTRACK_* variables)
 * say which proxy to believe and where users reach the service; the request log goes to standard
 * output at `--log-level` (default info).
 */
export async function runServe(options: ServeCliOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`plantrack serve: 端口无效 / invalid port "${options.port}"\n`);
    return 2;
  }
  const grace = orphanGraceFromEnv(process.env.PLANTRACK_EVIDENCE_ORPHAN_GRACE_MS);
  if (grace === null) {
    process.stderr.write(
      'plantrack serve: PLANTRACK_EVIDENCE_ORPHAN_GRACE_MS 应为非负整数（毫秒） / must be a whole number of milliseconds\n',
    );
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  // Loaded here so that `plantrack ingest` does not pay for the web server's start-up.
  const { operationConfig, startServer } = await import('@plantrack/server');
  const operation = operationConfig(options, process.env);
  if ('error' in operation) {
    process.stderr.write(`plantrack serve: ${operation.error}\n`);
    return 2;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      host: options.host,
      dataDir: process.env.PLANTRACK_DATA_DIR ?? options.dataDir,
      ...(databaseUrl ? { databaseUrl } : {}),
      config: {
        logLevel: 'info',
        ...operation.config,
        ...(grace === undefined ? {} : { evidenceOrphanGraceMs: grace }),
      },
    });
  } catch (error) {
    // An operator's problem (read-only data folder, port in use, database refused) is told in a
    // sentence, not a stack trace; the process then ends, leaving nothing half started.
    process.stderr.write(`plantrack serve: 无法启动 / cannot start\n${bilingual(error)}\n`);
    process.exit(1);
  }
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

/**
 * `PLANTRACK_EVIDENCE_ORPHAN_GRACE_MS`: how old an evidence file no record refers to must be before
 * the start-up cleanup removes it (undefined: the default; null: not a whole number).
 */
function orphanGraceFromEnv(value: string | undefined): number | null | undefined {
  if (value === undefined || value === '') return undefined;
  return /^\d+$/.test(value) ? Number(value) : null;
}
