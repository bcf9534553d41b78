import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { requireUploadGate } from './upload.gate.js';

describe('requireUploadGate', () => {
  it('stops the app from starting with an upload route that declares no gate', async () => {
    const app = Fastify();
    app.addHook('onRoute', requireUploadGate);
    app.post('/plain', () => ({}));
    app.post(
      '/gated',
      { config: { upload: { maxBytes: 1, allows: () => true } }, bodyLimit: 10 },
      () => ({}),
    );
    expect(() =>
      app.post('/multipart', { schema: { consumes: ['multipart/form-data'] } }, () => ({})),
    ).toThrow(/POST \/multipart takes uploads but declares no config\.upload gate/);
    expect(() => app.post('/big', { bodyLimit: 100 * 1024 * 1024 }, () => ({}))).toThrow(
      /declares no config\.upload/,
    );
    await app.close();
  });
});
