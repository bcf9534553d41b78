import { z } from 'zod';
import { AdminUserWithPasswordSchema, RoleSchema } from './admin-users.contract.js';
import { MessagesSchema, ProblemSchema } from './common.contract.js';

/** Which column of the user sheet a problem is in. */
export const UserSheetFieldSchema = z.enum(['name', 'email', 'department', 'roles']);

/** A wrong cell of an uploaded user sheet: its Excel row and column, in Chinese and English. */
export const UserSheetErrorSchema = z
  .object({ row: z.number().int(), field: UserSheetFieldSchema, messages: MessagesSchema })
  .meta({ id: 'UserSheetError' });

/** One row of the sheet as understood: what would be created. */
export const UserSheetPreviewRowSchema = z.object({
  row: z.number().int(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  department: z.string().nullable().describe('As written in the sheet'),
  roles: z.string().nullable().describe('As written in the sheet'),
  parsedRoles: z.array(RoleSchema),
});

/** Query of `POST /api/admin/users/import`. */
export const UserImportQuerySchema = z.object({
  confirm: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: create the users (all or none); otherwise only the preview'),
});

/** Answer of a user import: the preview (every row and every wrong cell) and, when confirmed, the users created. */
export const UserImportResultSchema = z
  .object({
    sheet: z.string(),
    rows: z.array(UserSheetPreviewRowSchema),
    errors: z.array(UserSheetErrorSchema),
    created: z
      .array(AdminUserWithPasswordSchema)
      .describe('The users created with their generated passwords, shown this once (empty in a preview)'),
  })
  .meta({ id: 'UserImportResult' });

/** 422 of a confirmed import with wrong cells: nothing was created. */
export const UserImportProblemSchema = ProblemSchema.extend({
  errors: z.array(UserSheetErrorSchema).optional(),
}).meta({
  id: 'UserImportProblem',
});

/** The shape of `UserImportResultSchema`. */
export type UserImportResult = z.infer<typeof UserImportResultSchema>;
/** The shape of `UserSheetErrorSchema`. */
export type UserSheetError = z.infer<typeof UserSheetErrorSchema>;
