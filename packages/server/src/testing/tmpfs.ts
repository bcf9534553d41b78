import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small tmpfs mounted by a fault test, and the faults it can be put into. */
export type Tmpfs = {
  dir: string;
  /** Writes a filler file until the file system is full (ENOSPC). */
  fill: () => void;
  /** Removes the filler: space is free again. */
  free: () => void;
  readOnly: () => void;
  readWrite: () => void;
  unmount: () => void;
};

function mount(args: readonly string[]): void {
  try {
    execFileSync('mount', args, { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString('utf8') ?? String(error);
    throw new Error(
      `mount ${args.join(' ')} failed: ${stderr.trim()}. The fault tests mount a small tmpfs and ` +
        'need root (or CAP_SYS_ADMIN), as on the development and CI machines.',
    );
  }
}

/** Mounts a tmpfs of `size` (mount's notation: `1m`, `64m`) on a fresh temporary folder. */
export function mountTmpfs(size: string): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'plantrack-tmpfs-'));
  mount(['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  const filler = join(dir, '.filler');
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      try {
        for (const chunk of [Buffer.alloc(256 * 1024, 7), Buffer.alloc(4096, 7), Buffer.alloc(512, 7)]) {
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as { code?: string }).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => {
      rmSync(filler, { force: true });
    },
    readOnly: () => {
      mount(['-o', 'remount,ro', dir]);
    },
    readWrite: () => {
      mount(['-o', 'remount,rw', dir]);
    },
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
