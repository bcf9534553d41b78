import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ApiError } from '../errors.js';

/**
 * A character no text of the API may hold: the C0 controls except tab, line feed and carriage
 * return, and DEL (U+007F). `\p{Cc}` is C0, DEL and C1; tab, LF, CR and C1 are taken back out.
 * PostgreSQL refuses NUL in text outright, SQLite's full-text index chokes on it, and the others
 * are never typed by a person but can hide text from reviewers (terminal escapes, backspaces).
 */
const FORBIDDEN = /[^\P{Cc}\t\n\r\u0080-\u009f]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

/** Where a forbidden character was found (path as in validation errors) and which one. */
export type ControlCharacterFinding = { path: string; codePoint: number };

/**
 * The first string or object key in a parsed value (document order) holding a forbidden
 * character, or null. Walks with an explicit stack, so no nesting depth can overflow it.
 */
export function findControlCharacter(value: unknown, root: string): ControlCharacterFinding | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: root }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value: v, path } = item;
    if (typeof v === 'string') {
      const found = FORBIDDEN.exec(v);
      if (found !== null) return { path, codePoint: found[0].codePointAt(0) ?? 0 };
    } else if (ArrayBuffer.isView(v)) {
      continue; // raw bytes (an upload), not text
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i -= 1) stack.push({ value: v[i] as unknown, path: `${path}/${i}` });
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (const [key] of entries) {
        const found = FORBIDDEN.exec(key);
        if (found !== null) return { path: `${path}/${key}`, codePoint: found[0].codePointAt(0) ?? 0 };
      }
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const [key, child] = entries[i] ?? ['', undefined];
        stack.push({ value: child, path: `${path}/${key}` });
      }
    }
  }
  return null;
}

/**
 * Refuses a request whose route parameters, query string or JSON body hold a control character
 * (400, before validation and before any handler reads them): one check for every route, so no
 * text field, present or future, can carry one into storage. Multipart uploads are not parsed
 * here; their only text is the file name, which evidence and import handle themselves.
 */
export function refuseControlCharacters(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: HookHandlerDoneFunction,
): void {
  const found =
    findControlCharacter(request.params, 'params') ??
    findControlCharacter(request.query, 'querystring') ??
    findControlCharacter(request.body, 'body');
  done(found === null ? undefined : controlCharacterError(found));
}

function controlCharacterError({ path, codePoint }: ControlCharacterFinding): ApiError {
  const shown = path.replace(FORBIDDEN_ALL, (c) => `\\u${hex(c.codePointAt(0) ?? 0)}`);
  const code = `U+${hex(codePoint)}`;
  return new ApiError(
    400,
    'control-character',
    {
      zh: `字段 ${shown} 含有控制字符 ${code}，不能接受；文本中只允许制表符、换行符和回车符这几种控制字符。`,
      en: `The field ${shown} contains the control character ${code}, which is not accepted; tab, line feed and carriage return are the only control characters text may hold.`,
    },
    { errors: [{ path: shown, message: `control character ${code}` }] },
  );
}

function hex(codePoint: number): string {
  return codePoint.toString(16).toUpperCase().padStart(4, '0');
}
