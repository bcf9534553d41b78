import { resolve, sep } from 'node:path';

/** A SHA-256 as the evidence store writes it: 64 lowercase hex digits. */
const SHA256 = /^[0-9a-f]{64}$/;

/** One segment of a stored file's path: no `..`, no hidden name, no separator. */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Why an evidence row's `storage_path` and `sha256` cannot be carried by a backup, or null when
 * they can. The store is content-addressed (`ab/abcdef…`, see the server's evidence storage), so
 * the file's name must be its checksum; and since a backup file may be forged, the path must stay
 * inside the evidence folder — a restore writes exactly there. The backup and the restore apply
 * the same rule, so a backup that was written can always be restored.
 */
export function evidencePathProblem(path: string, sha256: string): string | null {
  if (!SHA256.test(sha256)) return 'the checksum is not a SHA-256';
  const segments = path.split('/');
  if (segments.length > 4 || !segments.every((s) => SEGMENT.test(s))) {
    return 'the path is not a plain relative path';
  }
  if (segments[segments.length - 1] !== sha256) return 'the file name is not its checksum';
  return null;
}

/** The absolute path of a stored file; refuses a path that would leave `dir`. */
export function evidenceFileIn(dir: string, path: string): string {
  const root = resolve(dir);
  const full = resolve(root, path);
  if (!full.startsWith(root + sep)) throw new Error(`Evidence path escapes its folder: ${path}`);
  return full;
}
