import type { LightMyRequestResponse } from 'fastify';
import { type Harness, type Session, as } from './harness.js';

/** A multipart/form-data body with one `file` part, as a browser sends it. */
export function multipartFile(
  fileName: string,
  bytes: Buffer,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----plantrack-evidence-boundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Evidence requests against one harness, each as the given session (undefined: nobody signed in). */
export function evidenceRequests(h: Harness) {
  const send = (
    session: Session | undefined,
    method: 'GET' | 'POST',
    url: string,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    h.app.inject({ method, url, headers: as(session), ...(payload === undefined ? {} : { payload }) });
  return {
    send,
    upload(session: Session | undefined, recordPath: string, name: string, bytes: Buffer) {
      const { payload, headers } = multipartFile(name, bytes);
      return h.app.inject({
        method: 'POST',
        url: `${recordPath}/evidence`,
        headers: { ...as(session), ...headers },
        payload,
      });
    },
    list: (session: Session | undefined, recordPath: string) =>
      send(session, 'GET', `${recordPath}/evidence`),
    download: (session: Session | undefined, id: string) => send(session, 'GET', `/api/evidence/${id}`),
    withdraw: (session: Session | undefined, id: string, reason?: string) =>
      send(session, 'POST', `/api/evidence/${id}/withdraw`, reason === undefined ? {} : { reason }),
    redact: (session: Session | undefined, id: string, reason: string) =>
      send(session, 'POST', `/api/evidence/${id}/redact`, { reason }),
  };
}

/** The ids of a list answer (an empty list for a refusal). */
export function idsOf(res: LightMyRequestResponse): string[] {
  return res.statusCode === 200 ? res.json<{ id: string }[]>().map((f) => f.id) : [];
}
