import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../../main/common/contract/config.js';
import { MAX_MESSAGE_BYTES } from '../../../../../main/common/contract/rpc-wire.js';
import { tempDir } from '../../../../rigs/temp-dir.js';
import { nextPortMessage, startUtilityCore } from '../../../../rigs/utility-process.js';

describe("the core as Electron's utilityProcess runs it", () => {
  it('says ready, then serves the RPC contract over each port it is handed', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-kiosk-1'), lane: 4 }));
    const core = startUtilityCore(['--data', dataDir]);
    await expect.poll(() => core.messages, { timeout: 10_000 }).toContainEqual({ type: 'ready' });

    const page = core.connect('window-1');
    const answer = nextPortMessage(page);
    page.postMessage(JSON.stringify({ type: 'call', id: 1, method: 'system.info' }));
    expect(await answer).toMatchObject({ type: 'result', id: 1, result: { applianceId: 'uto-kiosk-1', lane: 4, host: 'electron' } });

    const invalid = nextPortMessage(page);
    page.postMessage('{"type":"call"');
    expect(await invalid).toMatchObject({ type: 'error', id: null, error: { code: 'invalid_json' } });
    page.close();
  });

  it('closes a port that sends more than 1 MiB and keeps serving the other windows', async () => {
    const core = startUtilityCore(['--data', tempDir()]);
    await expect.poll(() => core.messages, { timeout: 10_000 }).toContainEqual({ type: 'ready' });
    const offender = core.connect('window-1');
    const bystander = core.connect('window-2');
    const closed = new Promise((resolve) => offender.once('close', resolve));
    offender.postMessage('x'.repeat(MAX_MESSAGE_BYTES + 1));
    await closed;
    const answer = nextPortMessage(bystander);
    bystander.postMessage(JSON.stringify({ type: 'call', id: 7, method: 'system.ping' }));
    expect(await answer).toMatchObject({ type: 'result', id: 7 });
    bystander.close();
  });

  it('reports an invalid config as fatal, naming the field, and exits 78 so it is not restarted in a loop', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ ...defaultConfig('uto-kiosk-1'), directionDefault: 'sideways' }));
    const core = startUtilityCore(['--data', dataDir]);
    expect(await core.exited).toBe(78);
    expect(core.messages).toEqual([{ type: 'fatal', reason: expect.stringMatching(/directionDefault: /) }]);
  });
});
