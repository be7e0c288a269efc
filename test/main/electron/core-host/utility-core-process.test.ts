import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createMessagePortPair, spawnCoreInUtilityProcess } from '../../../../main/electron/core-host/utility-core-process.js';
import { fakeElectron, resetFakeElectron, type FakeUtilityProcess } from '../fake-electron.js';

vi.mock('electron', () => import('../fake-electron.js'));

beforeEach(() => {
  resetFakeElectron();
});

function onlyFork(): FakeUtilityProcess {
  expect(fakeElectron.forks).toHaveLength(1);
  const [child] = fakeElectron.forks;
  if (child === undefined) throw new Error('nothing was forked');
  return child;
}

describe('the core in a utility process', () => {
  test('forks the entry with the arguments, a service name and piped output', () => {
    const spawn = spawnCoreInUtilityProcess('/app/dist/main/core/hosts/utility/core-process.js', ['--data', '/var/lib/sahman']);
    spawn({ onMessage: () => undefined, onExit: () => undefined });
    const child = onlyFork();
    expect(child.modulePath).toBe('/app/dist/main/core/hosts/utility/core-process.js');
    expect(child.args).toEqual(['--data', '/var/lib/sahman']);
    expect(child.options).toEqual({ serviceName: 'Sahman core', stdio: 'pipe' });
  });

  test('passes the child’s messages and exit code on', () => {
    const messages: unknown[] = [];
    const exits: number[] = [];
    spawnCoreInUtilityProcess('/core.js', [])({ onMessage: (message) => messages.push(message), onExit: (code) => exits.push(code) });
    const child = onlyFork();
    child.emit('message', { type: 'ready' });
    child.emit('exit', 78);
    expect(messages).toEqual([{ type: 'ready' }]);
    expect(exits).toEqual([78]);
  });

  test('posts to the child with the transferred port, and kills it', () => {
    const core = spawnCoreInUtilityProcess('/core.js', [])({ onMessage: () => undefined, onExit: () => undefined });
    const { corePort, clientPort } = createMessagePortPair();
    core.postMessage({ type: 'connect', clientId: 'window-1-1' }, [corePort]);
    core.kill();
    const child = onlyFork();
    expect(child.posted).toEqual([{ message: { type: 'connect', clientId: 'window-1-1' }, transfer: [corePort] }]);
    expect(child.killed).toBe(true);
    expect(corePort).not.toBe(clientPort);
  });
});
