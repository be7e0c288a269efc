import { readFile } from 'node:fs/promises';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { BridgeChannel, PageBridgeMessage } from '../../../main/common/contract/core-bridge.js';

const preloadSource = path.resolve(import.meta.dirname, '../../../main/preload/preload.cts');
let compiled: string;

beforeAll(async () => {
  const tsconfig = ts.readConfigFile(path.resolve(import.meta.dirname, '../../../tsconfig.json'), (file) => ts.sys.readFile(file));
  const { options } = ts.convertCompilerOptionsFromJson((tsconfig.config as { compilerOptions?: object } | undefined)?.compilerOptions ?? {}, path.dirname(preloadSource));
  // The project's own compiler options: a .cts file comes out as CommonJS, as tsc emits preload.cjs.
  compiled = ts.transpileModule(await readFile(preloadSource, 'utf8'), { compilerOptions: { ...options, sourceMap: false }, fileName: preloadSource }).outputText;
});

interface PostedToPage {
  readonly message: unknown;
  readonly targetOrigin: string;
  readonly transfer: readonly unknown[] | undefined;
}

type IpcListener = (event: { ports: unknown[] }, ...args: unknown[]) => void;

/**
 * Runs the preload the way Electron runs a sandboxed one: a function of
 * (require, process, exports, module) whose require knows only 'electron',
 * with the page's window as a global of its own context.
 */
function runSandboxedPreload() {
  const required: string[] = [];
  const sentToMain: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, IpcListener[]>();
  const postedToPage: PostedToPage[] = [];
  const exposedInMainWorld: unknown[] = [];
  const electron = {
    ipcRenderer: {
      send: (channel: string, ...args: unknown[]) => sentToMain.push({ channel, args }),
      on: (channel: string, listener: IpcListener) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
    },
    contextBridge: { exposeInMainWorld: (...args: unknown[]) => exposedInMainWorld.push(args) },
  };
  const window = {
    location: { origin: 'app://sahman' },
    postMessage: (message: unknown, targetOrigin: string, transfer?: readonly unknown[]) => postedToPage.push({ message, targetOrigin, transfer }),
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name}`);
  };
  const exports = {};
  const context = vm.createContext({ window });
  const before = { windowKeys: Object.keys(window), globalKeys: Object.keys(context) };
  const preload = vm.compileFunction(compiled, ['require', 'process', 'exports', 'module'], { parsingContext: context }) as (...args: unknown[]) => void;
  preload(sandboxRequire, {}, exports, { exports });

  const deliver = (channel: string, event: { ports: unknown[] }, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
  };
  const after = { windowKeys: Object.keys(window), globalKeys: Object.keys(context) };
  return { required, sentToMain, listeners, postedToPage, exposedInMainWorld, exports, deliver, before, after };
}

describe('the sandboxed preload', () => {
  test('requires nothing but electron (a sandboxed preload cannot)', () => {
    expect(runSandboxedPreload().required).toEqual(['electron']);
  });

  test('asks the main process for a port once, on load, with no payload', () => {
    expect(runSandboxedPreload().sentToMain).toEqual([{ channel: BridgeChannel.requestPort, args: [] }]);
  });

  test('uses exactly the contract’s channel names (its copies of BridgeChannel)', () => {
    const preload = runSandboxedPreload();
    expect([...preload.listeners.keys()].sort()).toEqual([BridgeChannel.lifecycle, BridgeChannel.port].sort());
    expect(preload.sentToMain.map((message) => message.channel)).toEqual([BridgeChannel.requestPort]);
    expect(new Set([...preload.listeners.keys(), ...preload.sentToMain.map((message) => message.channel)])).toEqual(new Set(Object.values(BridgeChannel)));
  });

  test('hands the port to the page with postMessage, to its own origin only', () => {
    const preload = runSandboxedPreload();
    const port = { name: 'MessagePort to the core' };
    preload.deliver(BridgeChannel.port, { ports: [port] });
    expect(preload.postedToPage).toEqual([{ message: { type: 'sahman:core-port' }, targetOrigin: 'app://sahman', transfer: [port] }]);
    expect(PageBridgeMessage.parse(preload.postedToPage[0]?.message)).toEqual({ type: 'sahman:core-port' });
  });

  test('hands each lifecycle to the page as a PageBridgeMessage', () => {
    const preload = runSandboxedPreload();
    const lifecycle = { state: 'restarting', attempt: 3, nextAttemptAt: 1_700_000_000_000 };
    preload.deliver(BridgeChannel.lifecycle, { ports: [] }, lifecycle);
    const [posted] = preload.postedToPage;
    expect(posted?.targetOrigin).toBe('app://sahman');
    expect(PageBridgeMessage.parse(posted?.message)).toEqual({ type: 'sahman:core-lifecycle', lifecycle });
  });

  test('exposes nothing: no contextBridge API, no new globals, no exports', () => {
    const preload = runSandboxedPreload();
    expect(preload.exposedInMainWorld).toEqual([]);
    expect(preload.after).toEqual(preload.before);
    expect(Object.keys(preload.exports)).toEqual([]);
  });
});
