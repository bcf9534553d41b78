import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { changeDepartment, mergeDepartment } from '../services/organisation/department-registry.service.js';
import { addAlias, addDepartment, departments } from '../services/organisation/department.service.js';
import {
  DepartmentChangeSchema,
  DepartmentMergeBodySchema,
  DepartmentMergeResultSchema,
  DepartmentAliasBodySchema,
  DepartmentListSchema,
  DepartmentSchema,
  DepartmentsQuerySchema,
  errorResponses,
  IdParamsSchema,
  NewDepartmentSchema,
} from '@plantrack/api';

export const departmentRoutes: FastifyPluginCallbackZod<{ ctx: AppContext }> = (app, { ctx }, done) => {
  app.get(
    '/api/departments',
    {
      schema: {
        tags: ['admin'],
        summary: 'Departments with their aliases, of one region, of a plan’s region, or of all',
        querystring: DepartmentsQuerySchema,
        response: { 200: DepartmentListSchema, ...errorResponses },
      },
    },
    async (request) => departments(ctx, request.principal, request.query),
  );

  app.post(
    '/api/departments',
    {
      schema: {
        tags: ['admin'],
        summary: 'Register a department of a region with aliases (administrator, planning office)',
        body: NewDepartmentSchema,
        response: { 201: DepartmentSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await addDepartment(ctx, request.principal, request.body)),
  );

  app.post(
    '/api/departments/:id/aliases',
    {
      schema: {
        tags: ['admin'],
        summary: 'Add another name of a department, e.g. 区发改局 (administrator, planning office)',
        params: IdParamsSchema,
        body: DepartmentAliasBodySchema,
        response: { 201: DepartmentSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAlias(ctx, request.principal, request.params.id, request.body.alias)),
  );

  app.patch(
    '/api/departments/:id',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Rename (the old name stays an alias), deactivate or reactivate a department, or set its contact person (administrator, planning office)',
        params: IdParamsSchema,
        body: DepartmentChangeSchema,
        response: { 200: DepartmentSchema, ...errorResponses },
      },
    },
    async (request) => changeDepartment(ctx, request.principal, request.params.id, request.body),
  );

  app.post(
    '/api/departments/:id/merge',
    {
      schema: {
        tags: ['admin'],
        summary:
          'Merge a duplicate department into another (区发改局 into 区发展和改革局): its names become aliases, its owners and users move (administrator, planning office)',
        params: IdParamsSchema,
        body: DepartmentMergeBodySchema,
        response: { 200: DepartmentMergeResultSchema, ...errorResponses },
      },
    },
    async (request) => mergeDepartment(ctx, request.principal, request.params.id, request.body.into),
  );
  done();
};
