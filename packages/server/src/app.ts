import { changeStamp } from '@plantrack/db';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { DatabaseHandle, DialectName } from '@plantrack/db';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  type ZodTypeProvider,
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { authenticate } from './auth/authenticate.js';
import { ANONYMOUS, type Principal } from './auth/principal.js';
import { SessionStore } from './auth/session.store.js';
import { TokenPrincipals } from './auth/token-principals.js';
import { guardUpload, requireUploadGate } from './auth/upload.gate.js';
import { type ServerConfig, type TrustProxy, resolveConfig } from './config.js';
import type { AppContext } from './context.js';
import { ChangeStamps } from './change-stamps.js';
import { seedOwnersOfAllPlans } from './services/organisation/ownership.service.js';
import { ApiError, type Problem, problem, storageProblem } from './errors.js';
import { faultProblem } from './fault-problem.js';
import { openApiDefinition } from './openapi-definition.js';
import { transformDocument, transformRoute } from './openapi.transform.js';
import { echoRequestId, logRequestCompleted, requestLogOptions } from './request-log.js';
import { adminRoutes } from './routes/admin.routes.js';
import { apiDocsRoutes } from './routes/api-docs.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { dashboardRoutes, publicDashboardRoutes } from './routes/dashboard.routes.js';
import { notificationRoutes } from './routes/notification.routes.js';
import { exportRoutes } from './routes/export.routes.js';
import { planRoutes, publicRoutes } from './routes/plans.routes.js';
import { curationRoutes } from './routes/curation.routes.js';
import { outlineRoutes } from './routes/outline.routes.js';
import { evidenceRoutes } from './routes/evidence.routes.js';
import { recordRoutes } from './routes/records.routes.js';
import { referenceSeriesRoutes } from './routes/reference-series.routes.js';
import { auditExportRoutes } from './routes/audit-export.routes.js';
import { reportingRoutes } from './routes/reporting.routes.js';
import { webRoutes } from './routes/web.routes.js';
import { workRoutes } from './routes/work.routes.js';
import { publicPlanRoutes } from './routes/public-plans.routes.js';
import { placeRoutes } from './routes/places.routes.js';
import { reportRoutes } from './routes/report.routes.js';
import { publicReportRoutes } from './routes/report-public.routes.js';
import { instanceRoutes } from './routes/instance.routes.js';
import { departmentSummaryRoutes } from './routes/department-summary.routes.js';
import { qualityCheckRoutes } from './routes/quality-check.routes.js';
import { projectRoutes } from './routes/projects.routes.js';
import { refuseControlCharacters } from './routes/control-characters.hook.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling (set for every request before validation). */
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** False on unsafe routes that change nothing dashboards or searches show (sign-in, tokens). */
    changesReadModels?: boolean;
  }
}

export { API_VERSION } from './openapi-definition.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type BuildAppOptions = {
  db: DatabaseHandle['db'];
  dialect: DialectName;
  config?: Partial<ServerConfig>;
  /** Where the log lines go (default: standard output); tests pass a collector. */
  logStream?: { write: (line: string) => void };
};

export type PlanTrackApp = FastifyInstance & { plantrack: AppContext };

/** Builds the API (not listening). Routes → services → repositories; every route checks a policy. */
export async function buildApp(options: BuildAppOptions): Promise<PlanTrackApp> {
  const config = resolveConfig(options.config);
  const ctx: AppContext = {
    db: options.db,
    dialect: options.dialect,
    config,
    sessions: new SessionStore(options.db, config.sessionTtlMs),
    tokenPrincipals: new TokenPrincipals(config.tokenCacheMs),
    changeStamps: new ChangeStamps(() => changeStamp(options.db), config.changeStampMs),
  };
  // Configured indicator owners are written here and at import, so no read has to write them.
  await seedOwnersOfAllPlans(ctx);
  const app = Fastify({
    ...requestLogOptions(config.logLevel, options.logStream),
    trustProxy: fastifyTrustProxy(config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, {
    openapi: openApiDefinition(config.publicUrl),
    transform: transformRoute,
    transformObject: transformDocument,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(429, 'rate-limited', {
        zh: `尝试次数过多，请在 ${Math.ceil(context.ttl / 1000)} 秒后重试。`,
        en: `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`,
      }),
  });
  await app.register(multipart, { limits: { fileSize: config.importMaxBytes, files: 1, fields: 10 } });

  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', echoRequestId);
  app.addHook('onRequest', async (request) => {
    request.principal = ANONYMOUS;
    request.principal = await authenticate(ctx, request);
  });
  // Upload routes (config.upload) refuse a caller or a declared length before the body is read.
  app.addHook('onRequest', guardUpload);
  app.addHook('onRoute', requireUploadGate);
  // Every route parameter, query string and JSON body, before validation: no text with a control character.
  app.addHook('preValidation', refuseControlCharacters);
  // Before the answer to a request that may have changed data leaves, the read caches are told,
  // so whoever reads after an acknowledged write sees it (change-stamps.ts). Refused
  // requests (4xx) changed nothing; sign-ins and tokens change nothing a read model shows.
  app.addHook('onSend', (request, reply, payload, done) => {
    const refused = reply.statusCode >= 400 && reply.statusCode < 500;
    if (
      !SAFE_METHODS.has(request.method) &&
      !refused &&
      request.routeOptions.config.changesReadModels !== false
    ) {
      ctx.changeStamps.changed();
    }
    done(null, payload);
  });

  app.addHook('onResponse', logRequestCompleted);

  app.setErrorHandler((error, request, reply) => {
    const body = toProblem(error);
    // The answer names the condition only; the cause, with its stack, is for the operator.
    if (body.status >= 500)
      request.log.error({ err: error, code: body.code }, `answered ${body.status} ${body.code}`);
    if (body.status === 503) void reply.header('retry-after', '5');
    return reply.code(body.status).type('application/problem+json').send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('application/problem+json')
      .send(
        problem(404, 'no-route', {
          zh: `没有这个接口：${request.method} ${request.url}`,
          en: `No such route: ${request.method} ${request.url}`,
        }),
      ),
  );

  await app.register(authRoutes, { ctx });
  await app.register(planRoutes, { ctx });
  await app.register(publicRoutes, { ctx });
  await app.register(exportRoutes, { ctx });
  await app.register(outlineRoutes, { ctx });
  await app.register(curationRoutes, { ctx });
  await app.register(recordRoutes, { ctx });
  await app.register(evidenceRoutes, { ctx });
  await app.register(workRoutes, { ctx });
  await app.register(reportingRoutes, { ctx });
  await app.register(referenceSeriesRoutes, { ctx });
  await app.register(dashboardRoutes, { ctx });
  await app.register(publicDashboardRoutes, { ctx });
  await app.register(notificationRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
  await app.register(publicPlanRoutes, { ctx });
  await app.register(placeRoutes, { ctx });
  await app.register(reportRoutes, { ctx });
  await app.register(publicReportRoutes, { ctx });
  await app.register(instanceRoutes, { ctx });
  await app.register(departmentSummaryRoutes, { ctx });
  await app.register(qualityCheckRoutes, { ctx });
  await app.register(auditExportRoutes, { ctx });
  await app.register(projectRoutes, { ctx });
  await app.register(apiDocsRoutes, { publicUrl: config.publicUrl });
  await app.register(webRoutes, { root: config.webRoot });
  await app.ready();
  return Object.assign(app, { plantrack: ctx });
}

/** A hop count becomes "the nearest n proxies" (Fastify's types take no number). */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return [...trust];
}

function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return problem(error.status, error.code, error.messages, error.extra);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath}`,
      message: v.message ?? 'invalid',
    }));
    const where = errors.map((e) => e.path).join(', ');
    return problem(
      400,
      'validation',
      { zh: `请求内容不符合要求：${where}`, en: `The request is invalid: ${where}` },
      { errors },
    );
  }
  const stored = storageProblem(error);
  if (stored !== null) return stored;
  const fault = faultProblem(error);
  if (fault !== null) return fault;
  const e = error as Partial<FastifyError>;
  const status =
    typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 600 ? e.statusCode : 500;
  if (status === 413) {
    return problem(413, 'too-large', { zh: '上传内容过大。', en: 'The request body is too large.' });
  }
  if (status < 500) {
    return problem(status, e.code ?? 'bad-request', {
      zh: `请求无法处理：${e.message ?? ''}`,
      en: `The request could not be processed: ${e.message ?? ''}`,
    });
  }
  return problem(500, 'internal', { zh: '服务器内部错误。', en: 'Internal server error.' });
}
