import { RECORD_KIND_DESCRIPTORS } from '@plantrack/core';
import type { OpenAPIV3_1 } from 'openapi-types';

/** Version of the API contract, shown in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/**
 * The operation groups of the API, each described once (Chinese first, then English) so the
 * reference page shows what a group is for. Every tag a route schema names must be listed here:
 * the OpenAPI lint test fails on an undeclared one.
 */
const TAGS: OpenAPIV3_1.TagObject[] = [
  { name: 'auth', description: '登录、会话与 API 令牌 / Sign-in, sessions and API tokens' },
  { name: 'plans', description: '规划纲要的导入、版本与内容 / Plan outlines: import, versions, content' },
  { name: 'curation', description: '指标与任务框架的校订和发布 / Curating and publishing the framework' },
  {
    name: RECORD_KIND_DESCRIPTORS.observation.apiTag,
    description: '指标数据的填报与修订 / Indicator values and their revisions',
  },
  {
    name: RECORD_KIND_DESCRIPTORS.progress_report.apiTag,
    description: '任务进展的填报与修订 / Task progress reports and their revisions',
  },
  { name: 'review', description: '审核队列：通过或退回 / The review queue: approve or return' },
  { name: 'evidence', description: '佐证材料的上传、下载、撤回与遮蔽 / Evidence files' },
  { name: 'work', description: '本人待填报事项与 Excel 模板 / My items to report and the Excel templates' },
  {
    name: 'assessment',
    description: '进展评估、仪表盘与参考数据 / Progress assessment, dashboards, reference data',
  },
  {
    name: 'reports',
    description:
      '评估报告：生成、撰写、审核、发布与下载 / Evaluation reports: generate, write, approve, publish, download',
  },
  { name: 'notifications', description: '站内通知与到期提醒 / In-app notifications and reminders' },
  { name: 'search', description: '全文检索 / Full-text search' },
  { name: 'audit', description: '审计日志 / The audit log' },
  { name: 'admin', description: '用户、部门、指标责任与填报周期管理 / Users, departments, owners, cycles' },
  {
    name: 'projects',
    description:
      '重大项目库：项目、月度进度与投资、后评价 / Major projects: register, monthly reports, evaluation',
  },
  { name: 'public', description: '无需登录的公开信息 / Published information, no sign-in' },
];

/**
 * Where the API is reached. Without a known public address the server is relative (`/`), which
 * holds for any host the document is read from; with `publicUrl` (the operator's address, which
 * may carry a path when a proxy mounts the service under a prefix) that address is the server, so
 * `/api/…` paths resolve under the prefix.
 */
export function openApiServers(publicUrl: string | null): OpenAPIV3_1.ServerObject[] {
  if (publicUrl === null) return [{ url: '/', description: '本服务 / This server' }];
  return [{ url: publicUrl.replace(/\/+$/, ''), description: '本服务 / This server' }];
}

/**
 * The document-level parts of the OpenAPI document (everything but the paths and their schemas,
 * which come from the routes): info, servers, tags and how callers authenticate.
 */
export function openApiDefinition(publicUrl: string | null): Partial<OpenAPIV3_1.Document> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'PlanTrack API (规划实施监测评估系统)',
      version: API_VERSION,
      description:
        'REST + JSON. Errors are application/problem+json with `messages: { zh, en }`. Browser clients sign in ' +
        'with a session cookie and echo the `pt_csrf` cookie in `x-csrf-token` on unsafe methods; machine ' +
        'clients send `Authorization: Bearer ptk_…`. The reference page is served at `/api/docs/`.',
    },
    servers: openApiServers(publicUrl),
    tags: TAGS,
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'pt_session',
          description: '浏览器会话 / Browser session (POST /api/auth/sign-in)',
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'API 令牌 / API token `ptk_…`' },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
  };
}
