import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { commandError } from './command-error.js';

/** A small RAM file system, mounted for a test that needs a disk it can fill. */
export interface Tmpfs {
  readonly dir: string;
  /**
   * Unmounts and removes the mount point; safe to call twice. 'lazy' means a
   * file was still open (something did not let go of it) and the mount was
   * only detached; the kernel frees it when that file closes.
   */
  unmount(): 'clean' | 'lazy' | 'already';
}

/**
 * Mounts a tmpfs of `size` (mount's syntax: 4m) on a fresh folder. It throws,
 * saying what is needed, when it cannot: a test that needs a full disk must
 * fail where it cannot have one, never pass without it. CI runs as root.
 */
export function mountTmpfs(size: string): Tmpfs {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahman-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    rmdirSync(dir);
    throw new Error(
      `cannot mount a ${size} tmpfs at ${dir} (${commandError(error)}): this test needs to run as root ` +
        '(or with CAP_SYS_ADMIN) to make a small disk it can fill; CI runs as root',
      { cause: error },
    );
  }
  let mounted = true;
  return {
    dir,
    unmount() {
      if (!mounted) return 'already';
      let how: 'clean' | 'lazy' = 'clean';
      try {
        execFileSync('umount', [dir], { stdio: ['ignore', 'ignore', 'pipe'] });
      } catch {
        // A file still open (a core that failed to close) keeps the mount busy: detach it now rather than leave a mount behind.
        execFileSync('umount', ['-l', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
        how = 'lazy';
      }
      mounted = false;
      rmdirSync(dir);
      return how;
    },
  };
}
