import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { canManageUsers } from '../policies/admin.policy.js';
import { importUsers, userImportTemplate } from '../services/accounts/user-import.service.js';
import {
  ProblemSchema,
  TemplateWorkbookSchema,
  UserImportProblemSchema,
  UserImportQuerySchema,
  UserImportResultSchema,
  errorResponses,
} from '@plantrack/api';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A user sheet of a few hundred rows is a few dozen kilobytes; 2 MB leaves room for formatting. */
const USER_SHEET_MAX_BYTES = 2 * 1024 * 1024;

/** Bulk user import from an Excel sheet (administrators): the template, and upload with preview. */
export const userImportRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/admin/users/import-template.xlsx',
    {
      schema: {
        tags: ['admin'],
        summary:
          'The user import template: columns 姓名, 电子邮箱, 部门, 角色 and a sheet 说明 (administrator)',
        produces: [XLSX],
        response: { 200: TemplateWorkbookSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('用户导入模板.xlsx')}`,
        )
        .send(Buffer.from(await userImportTemplate(ctx, request.principal))),
  );

  app.post(
    '/api/admin/users/import',
    {
      config: { upload: { maxBytes: USER_SHEET_MAX_BYTES, allows: canManageUsers } },
      schema: {
        tags: ['admin'],
        summary:
          'Upload a user sheet (multipart `file`): a preview with every wrong cell; with `confirm=true` and no error, ' +
          'every user is created in one transaction with a generated password shown once (administrator); with errors 422, nobody is created',
        consumes: ['multipart/form-data'],
        querystring: UserImportQuerySchema,
        response: {
          200: UserImportResultSchema,
          ...errorResponses,
          413: ProblemSchema,
          415: ProblemSchema,
          422: UserImportProblemSchema,
        },
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new ApiError(415, 'not-multipart', {
          zh: '请以 multipart/form-data 上传文件（字段名 file）。',
          en: 'Upload the file as multipart/form-data (field `file`).',
        });
      }
      const file = await request.file({ limits: { fileSize: USER_SHEET_MAX_BYTES, files: 1 } });
      if (file === undefined) {
        throw new ApiError(400, 'missing-file', { zh: '缺少上传文件。', en: 'No file was uploaded.' });
      }
      const bytes = new Uint8Array(await file.toBuffer());
      return importUsers(ctx, request.principal, { bytes, confirm: request.query.confirm === 'true' });
    },
  );
  done();
};
