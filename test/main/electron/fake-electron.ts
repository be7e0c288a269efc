/**
 * A stand-in for the `electron` module, which cannot load without its binary.
 * Only the Electron APIs are faked; the shell's own code runs for real on top
 * of them. Tests use it through `vi.mock('electron', () => import('./fake-electron.js'))`
 * and inspect `fakeElectron` to see what the shell asked Electron to do.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, ForkOptions } from 'electron';

/** An Electron event object: preventDefault plus whatever details the event carries. */
export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
  readonly [detail: string]: unknown;
}

export function fakeEvent(details: Readonly<Record<string, unknown>> = {}): FakeEvent {
  let prevented = false;
  return {
    ...details,
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

let nextWebContentsId = 1;

export interface WindowOpenResponse {
  readonly action: string;
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  destroyed = false;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly posted: { channel: string; message: unknown; transfer: unknown[] }[] = [];
  windowOpenHandler: ((details: unknown) => WindowOpenResponse) | undefined;

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  postMessage(channel: string, message: unknown, transfer: unknown[] = []): void {
    this.posted.push({ channel, message, transfer });
  }
  setWindowOpenHandler(handler: (details: unknown) => WindowOpenResponse): void {
    this.windowOpenHandler = handler;
  }
  /** Emits `name` with a fresh event object and says whether a listener prevented it. */
  emitPreventable(name: string, details: Readonly<Record<string, unknown>> = {}): boolean {
    const event = fakeEvent(details);
    this.emit(name, event);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  shown = false;
  focused = false;
  minimized = false;
  restored = false;
  loadResult: Promise<void> = Promise.resolve();

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    fakeElectron.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return this.loadResult;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored = true;
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeMessagePortMain {
  constructor(readonly label: string) {}
}

let nextChannel = 1;
export class MessageChannelMain {
  readonly port1: FakeMessagePortMain;
  readonly port2: FakeMessagePortMain;
  constructor() {
    const channel = nextChannel++;
    this.port1 = new FakeMessagePortMain(`channel-${channel}-port1`);
    this.port2 = new FakeMessagePortMain(`channel-${channel}-port2`);
  }
}

export class FakeUtilityProcess extends EventEmitter {
  readonly posted: { message: unknown; transfer: unknown[] }[] = [];
  killed = false;
  readonly stdout = null;
  readonly stderr = null;

  constructor(
    readonly modulePath: string,
    readonly args: readonly string[],
    readonly options: ForkOptions | undefined,
  ) {
    super();
  }
  postMessage(message: unknown, transfer: unknown[] = []): void {
    this.posted.push({ message, transfer });
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | undefined;
  permissionCheckHandler: ((webContents: unknown, permission: string, origin: string, details: unknown) => boolean) | undefined;
  devicePermissionHandler: ((details: unknown) => boolean) | undefined;
  displayMediaRequestHandler: ((request: unknown, callback: (streams: unknown) => void) => void) | undefined;
  readonly webRequest = {
    blocked: undefined as { filter: { urls: string[] }; listener: (details: unknown, callback: (response: { cancel?: boolean }) => void) => void } | undefined,
    onBeforeRequest: (filter: { urls: string[] }, listener: (details: unknown, callback: (response: { cancel?: boolean }) => void) => void): void => {
      this.webRequest.blocked = { filter, listener };
    },
  };

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: FakeSession['displayMediaRequestHandler']): void {
    this.displayMediaRequestHandler = handler;
  }
}

/** An ipcMain event as Electron builds it for a message from a page. */
export function fakeIpcEvent(sender: FakeWebContents, senderFrame: { url: string; parent: unknown } | null): FakeEvent & { sender: FakeWebContents; senderFrame: unknown } {
  return Object.assign(fakeEvent(), { sender, senderFrame });
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  hasSingleInstanceLock = true;
  quitCalls = 0;
  exitCodes: number[] = [];
  private resolveReady: () => void = () => undefined;
  private ready = this.newReadyPromise();

  /** Back to a freshly started, not yet ready app with no listeners. */
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.hasSingleInstanceLock = true;
    this.quitCalls = 0;
    this.exitCodes = [];
    this.ready = this.newReadyPromise();
  }
  private newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });
  }

  enableSandbox(): void {
    fakeElectron.calls.push('app.enableSandbox');
  }
  requestSingleInstanceLock(): boolean {
    fakeElectron.calls.push('app.requestSingleInstanceLock');
    return this.hasSingleInstanceLock;
  }
  whenReady(): Promise<void> {
    fakeElectron.calls.push('app.whenReady');
    return this.ready;
  }
  /** What Electron does when it finishes starting. */
  becomeReady(): void {
    fakeElectron.calls.push('(ready)');
    this.resolveReady();
  }
  getPath(name: string): string {
    return `/fake-home/${name}`;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  exit(code: number): void {
    this.exitCodes.push(code);
  }
}

// One app and one ipcMain for the whole run, as in Electron: modules keep the references they imported.
export const app = new FakeApp();
export const ipcMain = new EventEmitter();

/** Everything the shell did to the fake Electron; replaced by resetFakeElectron() between tests. */
function freshState() {
  return {
    /** Selected calls in order, to check what happened before the app was ready. */
    calls: [] as string[],
    app,
    ipcMain,
    defaultSession: new FakeSession(),
    windows: [] as FakeBrowserWindow[],
    forks: [] as FakeUtilityProcess[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    applicationMenu: 'default' as unknown,
  };
}

export const fakeElectron = freshState();

export function resetFakeElectron(): void {
  app.reset();
  ipcMain.removeAllListeners();
  Object.assign(fakeElectron, freshState());
}

// The rest of the module surface the shell imports.
export const BrowserWindow = FakeBrowserWindow;
export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fakeElectron.calls.push('protocol.registerSchemesAsPrivileged');
    fakeElectron.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    fakeElectron.calls.push(`protocol.handle(${scheme})`);
    fakeElectron.protocolHandlers.set(scheme, handler);
  },
};
export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options?: ForkOptions): FakeUtilityProcess {
    fakeElectron.calls.push('utilityProcess.fork');
    const child = new FakeUtilityProcess(modulePath, args, options);
    fakeElectron.forks.push(child);
    return child;
  },
};
export const Menu = {
  setApplicationMenu(menu: unknown): void {
    fakeElectron.applicationMenu = menu;
  },
};
export const session = {
  get defaultSession(): FakeSession {
    return fakeElectron.defaultSession;
  },
};
