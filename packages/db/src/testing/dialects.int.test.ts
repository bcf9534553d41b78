import { describe, expect, it } from 'vitest';
import { openTempPostgres } from './dialects.js';

describe('forEachDialect', () => {
  it('fails the PostgreSQL half with a message saying what to do when the server is unreachable', async () => {
    const attempt = openTempPostgres('postgres://postgres:secret@127.0.0.1:1/postgres');
    await expect(attempt).rejects.toThrow(
      /PostgreSQL is not reachable at postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1/,
    );
    await expect(attempt).rejects.toThrow(/PLANTRACK_SKIP_POSTGRES=1/);
  });
});
