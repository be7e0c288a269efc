import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { defaultConfig, type ApplianceConfig } from '../../main/common/contract/config.js';
import { startCore, type Core, type CoreOptions } from '../../main/core/app/core.js';
import { startWebSocketHost, type WebSocketHost } from '../../main/core/hosts/websocket/ws-host.js';
import { tempDir } from './temp-dir.js';

export interface InProcessAppliance {
  readonly core: Core;
  readonly host: WebSocketHost;
  readonly dataDir: string;
  readonly rendererDir: string;
}

/**
 * The same core and WebSocket host `sahman serve` runs, started in the test's
 * process on a free port, with a real data folder; stopped when the test ends.
 */
export async function startInProcessAppliance(
  config: Partial<ApplianceConfig> = {},
  coreOptions: Pick<CoreOptions, 'authPolicy' | 'sync' | 'listFreshness'> = {},
  /** The UI to serve: by default a stand-in page; the built renderer for a test in Chromium that must steer the core too. */
  served: { readonly rendererDir?: string } = {},
): Promise<InProcessAppliance> {
  const dataDir = tempDir();
  writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-test-lane'), readers: [], ...config }));
  const rendererDir = served.rendererDir ?? standInRenderer(dataDir);
  const core = await startCore({ dataDir, host: 'serve', ...coreOptions });
  const host = await startWebSocketHost({ core, port: 0, rendererDir });
  onTestFinished(async () => {
    await host.close();
    await core.close();
  });
  return { core, host, dataDir, rendererDir };
}

function standInRenderer(dataDir: string): string {
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Sahman</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  return rendererDir;
}
