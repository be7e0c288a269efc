import { CoreHostToCoreMessage, CoreToCoreHostMessage, type CoreLifecycle } from '../../common/contract/core-bridge.js';
import { logShell, type ShellLogger } from '../log.js';
import { RestartPolicy } from './restart-policy.js';

/**
 * The core signals "my configuration is invalid" with EX_CONFIG (sysexits.h).
 * Restarting cannot fix that, so the supervisor halts instead of looping.
 */
export const INVALID_CONFIG_EXIT_CODE = 78;

/** CoreLifecycle caps the reason's length; a longer one is cut rather than rejected. */
const MAX_HALT_REASON_LENGTH = 2000;

/** A running core process, as the supervisor drives it. `Port` is Electron's MessagePortMain at runtime. */
export interface CoreProcess<Port> {
  postMessage(message: CoreHostToCoreMessage, transfer: Port[]): void;
  kill(): void;
}

/** What a core process reports; the spawner wires these before the process can emit anything. */
export interface CoreProcessEvents {
  onMessage(message: unknown): void;
  onExit(code: number): void;
}

export type SpawnCore<Port> = (events: CoreProcessEvents) => CoreProcess<Port>;

/** Two entangled ports: one goes to the core, the other to the page. */
export interface PortPair<Port> {
  readonly corePort: Port;
  readonly clientPort: Port;
}

/** A page (one window's WebContents) that wants the core's lifecycle and a port to the core. */
export interface CoreClient<Port> {
  /** Stable for the window's lifetime (WebContents id). */
  readonly id: number;
  isGone(): boolean;
  sendLifecycle(lifecycle: CoreLifecycle): void;
  sendPort(port: Port): void;
}

export interface CoreSupervisorOptions<Port> {
  readonly spawn: SpawnCore<Port>;
  readonly createPortPair: () => PortPair<Port>;
  readonly restartPolicy?: RestartPolicy;
  readonly now?: () => number;
  readonly log?: ShellLogger;
}

/**
 * Keeps the core's utility process alive and connects pages to it.
 *
 * starting -> running on 'ready'; an unexpected exit -> restarting (backoff) ->
 * starting; a 'fatal' message or the invalid-config exit code -> halted, which
 * is final until the app is restarted. Every change is pushed to every client,
 * and on each 'ready' every client gets a fresh port, because ports to a dead
 * core are dead too.
 */
export class CoreSupervisor<Port> {
  private lifecycle: CoreLifecycle = { state: 'starting' };
  private process: CoreProcess<Port> | undefined;
  /** Identifies the current process, so late events from one that was replaced are ignored. */
  private generation = 0;
  private readyAt: number | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private connectionSerial = 0;
  private readonly clients = new Map<number, CoreClient<Port>>();
  private readonly spawn: SpawnCore<Port>;
  private readonly createPortPair: () => PortPair<Port>;
  private readonly restartPolicy: RestartPolicy;
  private readonly now: () => number;
  private readonly log: ShellLogger;

  constructor(options: CoreSupervisorOptions<Port>) {
    this.spawn = options.spawn;
    this.createPortPair = options.createPortPair;
    this.restartPolicy = options.restartPolicy ?? new RestartPolicy();
    this.now = options.now ?? Date.now;
    this.log = options.log ?? logShell;
  }

  get currentLifecycle(): CoreLifecycle {
    return this.lifecycle;
  }

  /** Starts the core unless it is already up, halted or the supervisor was stopped. */
  start(): void {
    if (this.stopped || this.lifecycle.state === 'halted' || this.process !== undefined || this.restartTimer !== undefined) return;
    this.spawnCore();
  }

  /**
   * Shows `reason` to the guard and keeps the core down, for problems the
   * shell finds itself (bad command line, missing core build).
   */
  halt(reason: string): void {
    this.cancelRestart();
    this.stopProcess();
    this.enterHalted(reason);
  }

  /** Stops the core for good (the app is quitting); no more restarts or lifecycle pushes. */
  stop(): void {
    this.stopped = true;
    this.cancelRestart();
    this.stopProcess();
  }

  /**
   * Registers a page that asked for the core (again, after a reload): it gets
   * the current lifecycle now, a port now if the core is running, and every
   * later change.
   */
  attachClient(client: CoreClient<Port>): void {
    this.clients.set(client.id, client);
    this.deliver(client, (target) => {
      target.sendLifecycle(this.lifecycle);
    });
    if (this.lifecycle.state === 'running') this.connect(client);
  }

  private spawnCore(): void {
    this.restartTimer = undefined;
    this.readyAt = undefined;
    this.generation += 1;
    const generation = this.generation;
    this.setLifecycle({ state: 'starting' });
    try {
      this.process = this.spawn({
        onMessage: (message) => {
          if (generation === this.generation) this.handleMessage(message);
        },
        onExit: (code) => {
          if (generation === this.generation) this.handleExit(code);
        },
      });
    } catch (error) {
      this.log('error', 'the core could not be started', { error });
      this.handleExit(-1);
    }
  }

  private handleMessage(raw: unknown): void {
    const parsed = CoreToCoreHostMessage.safeParse(raw);
    if (!parsed.success) {
      this.log('warn', 'ignored an invalid message from the core', { issues: parsed.error.issues });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        if (this.lifecycle.state !== 'starting') return;
        this.readyAt = this.now();
        this.setLifecycle({ state: 'running' });
        for (const client of this.clients.values()) this.connect(client);
        return;
      case 'fatal':
        // The core exits on its own after saying this; its exit must not trigger a restart.
        this.enterHalted(message.reason);
        return;
    }
  }

  private handleExit(code: number): void {
    this.process = undefined;
    if (this.stopped || this.lifecycle.state === 'halted') return;
    if (code === INVALID_CONFIG_EXIT_CODE) {
      this.enterHalted(`The core rejected its configuration (exit code ${code}); fix the configuration file and restart Sahman.`);
      return;
    }
    const exitedAt = this.now();
    const restart = this.restartPolicy.planAfterExit(exitedAt, this.readyAt);
    this.log('warn', 'the core exited; restarting', { code, attempt: restart.attempt, delayMs: restart.delayMs });
    this.setLifecycle({ state: 'restarting', attempt: restart.attempt, nextAttemptAt: exitedAt + restart.delayMs });
    this.restartTimer = setTimeout(() => {
      this.spawnCore();
    }, restart.delayMs);
  }

  private connect(client: CoreClient<Port>): void {
    const core = this.process;
    if (core === undefined) return;
    this.connectionSerial += 1;
    const message = CoreHostToCoreMessage.parse({ type: 'connect', clientId: `window-${client.id}-${this.connectionSerial}` });
    this.deliver(client, (target) => {
      const { corePort, clientPort } = this.createPortPair();
      core.postMessage(message, [corePort]);
      target.sendPort(clientPort);
    });
  }

  private enterHalted(reason: string): void {
    this.log('error', 'the core is halted', { reason });
    this.setLifecycle({ state: 'halted', reason: reason.slice(0, MAX_HALT_REASON_LENGTH) });
  }

  private setLifecycle(lifecycle: CoreLifecycle): void {
    this.lifecycle = lifecycle;
    if (this.stopped) return;
    for (const client of this.clients.values()) {
      this.deliver(client, (target) => {
        target.sendLifecycle(lifecycle);
      });
    }
  }

  /** Runs `send` for a live client; forgets clients whose window is gone, and keeps one failing client from affecting the rest. */
  private deliver(client: CoreClient<Port>, send: (client: CoreClient<Port>) => void): void {
    if (client.isGone()) {
      this.clients.delete(client.id);
      return;
    }
    try {
      send(client);
    } catch (error) {
      this.log('warn', 'could not reach a window', { clientId: client.id, error });
    }
  }

  private cancelRestart(): void {
    if (this.restartTimer !== undefined) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
  }

  private stopProcess(): void {
    const core = this.process;
    this.process = undefined;
    this.generation += 1;
    if (core === undefined) return;
    try {
      core.kill();
    } catch (error) {
      this.log('warn', 'could not stop the core', { error });
    }
  }
}
