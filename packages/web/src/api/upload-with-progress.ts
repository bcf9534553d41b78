import { ApiProblem, csrfToken } from './client';

/**
 * POSTs one file as multipart `file` and reports upload progress (0–1). `fetch` cannot report
 * upload progress, so this uses XMLHttpRequest with the shared client's CSRF header; failures are
 * {@link ApiProblem}s carrying the whole problem body (a 422 workbook lists its wrong cells there).
 */
export function uploadWithProgress<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken();
    if (csrf !== null) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => {
      onProgress(1);
    };
    xhr.onerror = () => {
      reject(
        new ApiProblem(0, 'network', {
          zh: '无法连接服务器，请检查网络后重试。',
          en: 'Cannot reach the server; check the network and try again.',
        }),
      );
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText) as unknown;
      } catch {
        // Not JSON (a proxy's error page): a generic message below.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const problem = (body ?? {}) as Record<string, unknown> & {
        code?: string;
        messages?: { zh: string; en: string };
      };
      reject(
        new ApiProblem(
          xhr.status,
          problem.code ?? 'http',
          problem.messages ?? {
            zh: `请求失败（${xhr.status}）。`,
            en: `The request failed (${xhr.status}).`,
          },
          problem,
        ),
      );
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
