import os from 'node:os';
import path from 'node:path';

/**
 * Where the appliance keeps its data when --data is not given: $SAHMAN_DATA,
 * else the platform's per-user data folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.SAHMAN_DATA;
  if (explicit !== undefined && explicit !== '') return path.resolve(explicit);
  if (process.platform === 'win32') {
    return path.join(env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local'), 'Sahman', 'data');
  }
  const dataHome = env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(dataHome, 'sahman');
}
