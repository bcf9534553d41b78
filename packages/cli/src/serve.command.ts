import { bilingual } from './backup.command.js';

type ServeCliOptions = { port: string; host: string; dataDir: string };

/**
 * `plantrack serve`: the service on the embedded database (or PostgreSQL when DATABASE_URL is set),
 * with the sample plan loaded into an empty database. Runs until interrupted.
 */
export async function runServe(options: ServeCliOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`plantrack serve: 端口无效 / invalid port "${options.port}"\n`);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  // Loaded here so that `plantrack ingest` does not pay for the web server's start-up.
  const { startServer } = await import('@plantrack/server');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      port,
      host: options.host,
      dataDir: process.env.PLANTRACK_DATA_DIR ?? options.dataDir,
      ...(databaseUrl ? { databaseUrl } : {}),
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
