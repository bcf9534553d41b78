import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreBackup, writeBackup } from '@plantrack/db';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachDialect } from '../../../db/src/testing/dialects.js';
import { buildApp } from '../app.js';
import { type Session, as, makeHarness, signIn } from '../testing/harness.js';

/** Synthetic evidence: a PDF, a PNG, and a text file larger than one backup chunk (192 KiB). */
const FILES: [string, Buffer][] = [
  ['统计公报.pdf', Buffer.from('%PDF-1.4\n% 测试用佐证材料\n%%EOF\n', 'utf8')],
  [
    '现场照片.png',
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]),
  ],
  ['台账.txt', Buffer.from('测试台账数据，'.repeat(60_000), 'utf8')],
];

function multipart(fileName: string, bytes: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-backup-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

forEachDialect((dialect, open) => {
  describe('evidence files survive backup and restore, stored owner-only', () => {
    const root = mkdtempSync(join(tmpdir(), 'plantrack-evidence-backup-'));
    afterAll(() => {
      rmSync(root, { recursive: true, force: true });
    });

    it('downloads every file byte for byte from a fresh database and data folder', async () => {
      const source = await open();
      const h = await makeHarness(source, dialect, { evidenceDir: join(root, 'source-evidence') });
      const reporter = h.sessions.department_reporter;
      const submitted = await h.app.inject({
        method: 'POST',
        url: '/api/observations',
        headers: as(reporter),
        payload: {
          indicatorId: h.ownIndicatorId,
          period: '2026',
          expectedRevision: 0,
          values: { value: 3.2 },
        },
      });
      const key = submitted.json<{ key: string }>().key;
      const uploaded = new Map<string, Buffer>();
      for (const [name, bytes] of FILES) {
        const { payload, headers } = multipart(name, bytes);
        const res = await h.app.inject({
          method: 'POST',
          url: `/api/observations/${encodeURIComponent(key)}/evidence`,
          headers: { ...as(reporter), ...headers },
          payload,
        });
        expect(res.statusCode, name).toBe(201);
        uploaded.set(res.json<{ id: string }>().id, bytes);
      }
      await h.app.close();
      // Evidence may hold personal data: the store is the service user's alone.
      const stored = join(root, 'source-evidence');
      expect(statSync(stored).mode & 0o777).toBe(0o700);
      for (const path of readdirSync(stored, { recursive: true, encoding: 'utf8' })) {
        const mode = statSync(join(stored, path)).mode;
        expect(mode & 0o777, path).toBe(statSync(join(stored, path)).isFile() ? 0o600 : 0o700);
      }

      const file = join(root, `${dialect}.backup.gz`);
      const written = await writeBackup(source.db, file, {
        evidence: { dir: join(root, 'source-evidence') },
      });
      expect(written.evidence).toMatchObject({ files: FILES.length, missing: [] });

      const target = await open({ migrate: false });
      const targetEvidence = join(root, 'fresh-data', 'evidence');
      const restored = await restoreBackup(target.db, file, { evidenceDir: targetEvidence });
      expect(restored.evidence).toMatchObject({ carried: true, files: FILES.length, missing: [] });

      const app = await buildApp({ db: target.db, dialect, config: { evidenceDir: targetEvidence } });
      try {
        const session: Session = await signIn(app, h.emails.department_reporter);
        for (const [id, bytes] of uploaded) {
          const res = await app.inject({ method: 'GET', url: `/api/evidence/${id}`, headers: as(session) });
          expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
          expect(res.rawPayload.equals(bytes)).toBe(true);
        }
      } finally {
        await app.close();
      }
    }, 120_000);
  });
});
