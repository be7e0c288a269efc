import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BridgeChannel, CoreLifecycle } from '../../../main/common/contract/core-bridge.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/common/contract/content-security-policy.js';
import { launchShell } from '../../../main/electron/shell.js';
import { FakeWebContents, fakeElectron, fakeEvent, fakeIpcEvent, resetFakeElectron, type FakeBrowserWindow, type FakeUtilityProcess } from './fake-electron.js';

vi.mock('electron', () => import('./fake-electron.js'));

/** A temp folder laid out like the built app: dist/main/electron/main.js, dist/renderer, the core entry. */
let appRoot: string;
let mainModuleUrl: string;
let coreEntryPath: string;

beforeEach(async () => {
  resetFakeElectron();
  appRoot = await mkdtemp(path.join(os.tmpdir(), 'sahman-shell-'));
  mainModuleUrl = pathToFileURL(path.join(appRoot, 'dist/main/electron/main.js')).href;
  coreEntryPath = path.join(appRoot, 'dist/main/core/hosts/utility/core-process.js');
  await mkdir(path.join(appRoot, 'dist/renderer'), { recursive: true });
  await mkdir(path.dirname(coreEntryPath), { recursive: true });
  await writeFile(path.join(appRoot, 'dist/renderer/index.html'), '<!doctype html><title>Sahman</title>');
  await writeFile(coreEntryPath, '');
  const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
  return () => {
    stderr.mockRestore();
  };
});

afterEach(async () => {
  await rm(appRoot, { recursive: true, force: true });
});

function launch(argv: readonly string[] = ['/opt/Sahman/sahman']): void {
  launchShell({ mainModuleUrl, argv, cwd: '/home/tech' });
}

async function becomeReady(): Promise<void> {
  fakeElectron.app.becomeReady();
  await new Promise((resolve) => setImmediate(resolve));
}

function kioskWindow(): FakeBrowserWindow {
  const [window] = fakeElectron.windows;
  if (window === undefined) throw new Error('no kiosk window');
  return window;
}

function coreProcess(): FakeUtilityProcess {
  const core = fakeElectron.forks.at(-1);
  if (core === undefined) throw new Error('the core was not started');
  return core;
}

/** The page's preload asking for a port, as Electron delivers it to ipcMain. */
function requestPort(contents: FakeWebContents, url = 'app://sahman/index.html'): void {
  fakeElectron.ipcMain.emit(BridgeChannel.requestPort, fakeIpcEvent(contents, { url, parent: null }));
}

function lifecyclesSentTo(contents: FakeWebContents): CoreLifecycle[] {
  return contents.sent.filter((message) => message.channel === BridgeChannel.lifecycle).map((message) => CoreLifecycle.parse(message.args[0]));
}

describe('the kiosk shell', () => {
  test('does its pre-ready work synchronously, before the app is ready, and nothing else yet', () => {
    launch();
    expect(fakeElectron.calls).toEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock', 'app.whenReady']);
    expect(fakeElectron.windows).toEqual([]);
    expect(fakeElectron.forks).toEqual([]);
  });

  test('once ready: no menu, a hardened session, app:// served from the build, the kiosk window, the core started', async () => {
    launch();
    await becomeReady();

    expect(fakeElectron.applicationMenu).toBeNull();
    const answers: boolean[] = [];
    fakeElectron.defaultSession.permissionRequestHandler?.({}, 'media', (granted) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(fakeElectron.defaultSession.permissionCheckHandler?.({}, 'serial', 'app://sahman', {})).toBe(false);

    const served = await fakeElectron.protocolHandlers.get('app')?.(new Request('app://sahman/index.html'));
    expect(served?.status).toBe(200);
    expect(served?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await served?.text()).toContain('<title>Sahman</title>');

    const window = kioskWindow();
    expect(window.options.kiosk).toBe(true);
    expect(window.options.webPreferences).toMatchObject({ preload: path.join(appRoot, 'dist/main/preload/preload.cjs'), sandbox: true, contextIsolation: true, devTools: true });
    expect(window.loadedUrls).toEqual(['app://sahman/index.html']);

    expect(coreProcess().modulePath).toBe(coreEntryPath);
    expect(coreProcess().args).toEqual(['--data', path.join('/fake-home/userData', 'data')]);
    expect(coreProcess().options).toEqual({ serviceName: 'Sahman core', stdio: 'pipe' });
  });

  test('turns DevTools off in a packaged app', async () => {
    fakeElectron.app.isPackaged = true;
    launch();
    await becomeReady();
    expect(kioskWindow().options.webPreferences?.devTools).toBe(false);
  });

  test('passes --data and --config on to the core', async () => {
    launch(['/opt/Sahman/sahman', '--data', '/srv/sahman', '--config=/etc/sahman/config.json']);
    await becomeReady();
    expect(coreProcess().args).toEqual(['--data', path.resolve('/srv/sahman'), '--config', path.resolve('/etc/sahman/config.json')]);
  });

  test('connects the page to the core: lifecycle, then one channel whose ends go to the core and the page', async () => {
    launch();
    await becomeReady();
    const page = kioskWindow().webContents;
    requestPort(page);
    expect(lifecyclesSentTo(page)).toEqual([{ state: 'starting' }]);

    coreProcess().emit('message', { type: 'ready' });

    expect(lifecyclesSentTo(page)).toEqual([{ state: 'starting' }, { state: 'running' }]);
    expect(page.posted).toHaveLength(1);
    const [toPage] = page.posted;
    const [toCore] = coreProcess().posted;
    expect(toPage?.channel).toBe(BridgeChannel.port);
    expect(toCore?.message).toMatchObject({ type: 'connect', clientId: expect.any(String) as unknown });
    const pageEnd = toPage?.transfer[0] as { label: string } | undefined;
    const coreEnd = toCore?.transfer[0] as { label: string } | undefined;
    expect(pageEnd?.label.replace('port2', '')).toBe(coreEnd?.label.replace('port1', ''));
    expect(pageEnd).not.toBe(coreEnd);
  });

  test('ignores a port request from a page on another origin', async () => {
    launch();
    await becomeReady();
    coreProcess().emit('message', { type: 'ready' });
    const foreign = new FakeWebContents();
    requestPort(foreign, 'https://evil.example/');
    expect(foreign.sent).toEqual([]);
    expect(foreign.posted).toEqual([]);
    expect(coreProcess().posted).toEqual([]);
  });

  test('hardens every WebContents the app creates', () => {
    launch();
    const contents = new FakeWebContents();
    fakeElectron.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.emitPreventable('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emitPreventable('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  test('brings the kiosk window back to the front when a second instance starts', async () => {
    launch();
    await becomeReady();
    kioskWindow().minimized = true;
    fakeElectron.app.emit('second-instance', fakeEvent(), ['/opt/Sahman/sahman'], '/');
    expect(kioskWindow().restored).toBe(true);
    expect(kioskWindow().focused).toBe(true);
  });

  test('is the second instance: quits at once and opens nothing', async () => {
    fakeElectron.app.hasSingleInstanceLock = false;
    launch();
    await becomeReady();
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(fakeElectron.calls).not.toContain('app.whenReady');
    expect(fakeElectron.windows).toEqual([]);
    expect(fakeElectron.forks).toEqual([]);
  });

  test('quits when the kiosk window is closed, and stops the core without restarting it', async () => {
    launch();
    await becomeReady();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(1);
    fakeElectron.app.emit('before-quit', fakeEvent());
    expect(coreProcess().killed).toBe(true);
    coreProcess().emit('exit', 0);
    expect(fakeElectron.forks).toHaveLength(1);
  });

  test('shows an invalid command line as halted instead of starting the core', async () => {
    launch(['/opt/Sahman/sahman', '--data']);
    await becomeReady();
    expect(fakeElectron.forks).toEqual([]);
    requestPort(kioskWindow().webContents);
    const [lifecycle] = lifecyclesSentTo(kioskWindow().webContents);
    expect(lifecycle?.state).toBe('halted');
    expect(lifecycle?.state === 'halted' ? lifecycle.reason : '').toMatch(/Invalid command line: --data needs a path/);
  });

  test('shows a build without the core as halted instead of restart-looping', async () => {
    await rm(coreEntryPath);
    launch();
    await becomeReady();
    expect(fakeElectron.forks).toEqual([]);
    requestPort(kioskWindow().webContents);
    expect(lifecyclesSentTo(kioskWindow().webContents)[0]).toMatchObject({ state: 'halted', reason: expect.stringContaining('core is missing') as unknown });
  });
});
