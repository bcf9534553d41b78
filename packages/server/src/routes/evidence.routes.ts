import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { EvidenceSubjectKind } from '@plantrack/db';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import {
  errorResponses,
  EvidenceDownloadSchema,
  EvidenceFileListSchema,
  EvidenceFileSchema,
  IdParamsSchema,
  ProblemSchema,
  RecordKeyParamsSchema,
  RedactEvidenceBodySchema,
  WithdrawEvidenceBodySchema,
} from '@plantrack/api';
import { serverRecordKinds } from '../services/records/kinds/registry.js';
import { redactEvidence, withdrawEvidence } from '../services/evidence/evidence.removal.js';
import {
  type EvidenceUpload,
  downloadEvidence,
  listEvidence,
  uploadEvidence,
} from '../services/evidence/evidence.service.js';
import { evidenceUploadGate } from '../services/evidence/evidence-upload.gate.js';

/**
 * Evidence files (佐证材料): upload to a record (multipart `file`), list a record's files, download
 * one, withdraw one, redact one. Uploading and withdrawing take the record's write policy; who sees
 * which files is decided in one place (services/evidence.visibility.ts): the owning department,
 * reviewers and the planning office every file; leaders, administrators and (for published
 * indicators) everyone else only the files of the approved revision in force. Redacting is the
 * planning office's.
 */
export const evidenceRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  const subjects: { path: string; kind: EvidenceSubjectKind; tag: string; what: string }[] =
    serverRecordKinds().map((recordKind) => ({
      path: `/api/${recordKind.descriptor.urlSegment}`,
      kind: recordKind.evidenceSubject,
      tag: recordKind.descriptor.apiTag,
      what: recordKind.what,
    }));
  for (const subject of subjects) {
    app.post(
      `${subject.path}/:key/evidence`,
      {
        config: { upload: evidenceUploadGate(ctx, subject.kind) },
        schema: {
          tags: [subject.tag],
          summary: `Upload an evidence file for ${subject.what} (multipart \`file\`; pdf, docx, xlsx, png, jpg, txt, csv)`,
          description:
            'The type is checked by extension and content; larger than `evidenceMaxBytes` is 413. Re-uploading ' +
            'the same bytes to the same record returns the first upload (200) and stores nothing.',
          consumes: ['multipart/form-data'],
          params: RecordKeyParamsSchema,
          response: {
            200: EvidenceFileSchema,
            201: EvidenceFileSchema,
            ...errorResponses,
            413: ProblemSchema,
            415: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, ctx.config.evidenceMaxBytes);
        const { file, created } = await uploadEvidence(
          ctx,
          request.principal,
          subject.kind,
          request.params.key,
          upload,
        );
        return reply.code(created ? 201 : 200).send(file);
      },
    );
    app.get(
      `${subject.path}/:key/evidence`,
      {
        schema: {
          tags: [subject.tag],
          summary: `The evidence files of ${subject.what} the caller may see, oldest first`,
          params: RecordKeyParamsSchema,
          response: { 200: EvidenceFileListSchema, ...errorResponses },
        },
      },
      async (request) => listEvidence(ctx, request.principal, subject.kind, request.params.key),
    );
  }

  app.get(
    '/api/evidence/:id',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Download an evidence file (as an attachment, never rendered inline)',
        params: IdParamsSchema,
        produces: ['application/octet-stream'],
        response: { 200: EvidenceDownloadSchema, ...errorResponses, 410: ProblemSchema },
      },
    },
    async (request, reply) => {
      const file = await downloadEvidence(ctx, request.principal, request.params.id);
      return reply
        .type(file.mediaType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', file.disposition)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
  app.post(
    '/api/evidence/:id/withdraw',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Withdraw an evidence file from a draft or returned submission (the owning department)',
        description:
          'Kept for the department and reviewers, never shown to leaders or the public again; 409 for a file ' +
          'an approval covered or the submission under review names. Audited (`evidence.withdraw`).',
        params: IdParamsSchema,
        body: WithdrawEvidenceBodySchema,
        response: { 200: EvidenceFileSchema, ...errorResponses },
      },
    },
    async (request) => withdrawEvidence(ctx, request.principal, request.params.id, request.body.reason),
  );
  app.post(
    '/api/evidence/:id/redact',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Redact an evidence file (planning office; a reason is required)',
        description:
          'The bytes are deleted from disk unless another unredacted file holds the same content; the file ' +
          'keeps its name and size for those who may see it, and downloads answer 410. Audited (`evidence.redact`).',
        params: IdParamsSchema,
        body: RedactEvidenceBodySchema,
        response: { 200: EvidenceFileSchema, ...errorResponses },
      },
    },
    async (request) => redactEvidence(ctx, request.principal, request.params.id, request.body.reason),
  );
  done();
};

/** The one uploaded file, within the size limit, or a 413/415/400 with a zh+en message. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<EvidenceUpload> {
  if (!request.isMultipart()) {
    throw new ApiError(415, 'not-multipart', {
      zh: '请以 multipart/form-data 上传文件（字段名 file）。',
      en: 'Upload the file as multipart/form-data (field `file`).',
    });
  }
  const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (file === undefined) {
    throw new ApiError(400, 'missing-file', { zh: '缺少上传文件。', en: 'No file was uploaded.' });
  }
  try {
    return { fileName: file.filename, bytes: await file.toBuffer() };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 413) throw error;
    const mib = (maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
    throw new ApiError(413, 'evidence-too-large', {
      zh: `佐证材料超过大小上限（${mib} MiB，${maxBytes} 字节）。`,
      en: `The evidence file exceeds the size limit (${mib} MiB, ${maxBytes} bytes).`,
    });
  }
}
