import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Replaces a file so that after a crash or power loss it holds either the old
 * or the new content, never a torn mix: write a sibling, fsync, rename, fsync
 * the folder.
 */
export function writeFileDurably(filePath: string, content: string, mode = 0o600): void {
  const temporary = `${filePath}.${String(process.pid)}.tmp`;
  const fd = openSync(temporary, 'w', mode);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, filePath);
  const dirFd = openSync(path.dirname(filePath), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}
