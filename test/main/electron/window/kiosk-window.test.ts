import { beforeEach, describe, expect, test, vi } from 'vitest';
import { createKioskWindow } from '../../../../main/electron/window/kiosk-window.js';
import { FakeBrowserWindow, fakeElectron, resetFakeElectron } from '../fake-electron.js';

vi.mock('electron', () => import('../fake-electron.js'));

beforeEach(() => {
  resetFakeElectron();
});

function onlyWindow(): FakeBrowserWindow {
  expect(fakeElectron.windows).toHaveLength(1);
  const [window] = fakeElectron.windows;
  if (window === undefined) throw new Error('no window');
  return window;
}

describe('the kiosk window', () => {
  test('is created with every required security preference', () => {
    createKioskWindow({ preloadPath: '/app/dist/main/preload/preload.cjs', devTools: false });
    expect(onlyWindow().options.webPreferences).toEqual(
      expect.objectContaining({
        preload: '/app/dist/main/preload/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
        devTools: false,
        spellcheck: false,
      }),
    );
  });

  test('turns on nothing that loosens the renderer', () => {
    createKioskWindow({ preloadPath: '/p.cjs', devTools: false });
    const preferences = onlyWindow().options.webPreferences ?? {};
    expect(preferences.experimentalFeatures).toBe(false);
    expect(preferences.enableBlinkFeatures).toBeUndefined();
    expect(preferences.additionalArguments).toBeUndefined();
    expect(preferences.disableBlinkFeatures).toBe('Auxclick');
  });

  test('passes devTools through (on only when not packaged)', () => {
    createKioskWindow({ preloadPath: '/p.cjs', devTools: true });
    expect(onlyWindow().options.webPreferences?.devTools).toBe(true);
  });

  test('is a kiosk window loading the bundled UI from app://, never file:// or http', () => {
    createKioskWindow({ preloadPath: '/p.cjs', devTools: false });
    const window = onlyWindow();
    expect(window.options.kiosk).toBe(true);
    expect(window.loadedUrls).toEqual(['app://sahman/index.html']);
  });

  test('shows itself on first paint', () => {
    createKioskWindow({ preloadPath: '/p.cjs', devTools: false });
    const window = onlyWindow();
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  test('shows itself even when the UI fails to load, rather than stay dark', async () => {
    vi.spyOn(FakeBrowserWindow.prototype, 'loadURL').mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND'));
    const stderr = vi.spyOn(process.stderr, 'write').mockReturnValue(true);
    createKioskWindow({ preloadPath: '/p.cjs', devTools: false });
    await vi.waitFor(() => {
      expect(onlyWindow().shown).toBe(true);
    });
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining('the UI failed to load'));
    stderr.mockRestore();
  });
});
