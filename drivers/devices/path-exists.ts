import { stat } from 'node:fs/promises';

/** Whether a device path (or anything) is there now; unplugged devices simply vanish. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
