import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CoreHostToCoreMessage, CoreLifecycle } from '../../../../main/common/contract/core-bridge.js';
import {
  CoreSupervisor,
  INVALID_CONFIG_EXIT_CODE,
  type CoreClient,
  type CoreProcess,
  type CoreProcessEvents,
} from '../../../../main/electron/core-host/core-supervisor.js';
import { RestartPolicy } from '../../../../main/electron/core-host/restart-policy.js';
import type { ShellLogger } from '../../../../main/electron/log.js';

/** A core process double: records what the supervisor sends and lets the test speak for the core. */
class FakeCore implements CoreProcess<string> {
  readonly posted: { message: CoreHostToCoreMessage; transfer: string[] }[] = [];
  killed = false;
  constructor(private readonly events: CoreProcessEvents) {}
  postMessage(message: CoreHostToCoreMessage, transfer: string[]): void {
    this.posted.push({ message, transfer });
  }
  kill(): void {
    this.killed = true;
  }
  say(message: unknown): void {
    this.events.onMessage(message);
  }
  exit(code: number): void {
    this.events.onExit(code);
  }
}

class FakeClient implements CoreClient<string> {
  readonly lifecycles: CoreLifecycle[] = [];
  readonly ports: string[] = [];
  gone = false;
  constructor(readonly id: number) {}
  isGone(): boolean {
    return this.gone;
  }
  sendLifecycle(lifecycle: CoreLifecycle): void {
    this.lifecycles.push(lifecycle);
  }
  sendPort(port: string): void {
    this.ports.push(port);
  }
  get lastLifecycle(): CoreLifecycle | undefined {
    return this.lifecycles.at(-1);
  }
}

const T0 = 1_700_000_000_000;
let cores: FakeCore[];
let logged: { level: string; message: string }[];
let supervisor: CoreSupervisor<string>;

function latestCore(): FakeCore {
  const core = cores.at(-1);
  if (core === undefined) throw new Error('no core was spawned');
  return core;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  cores = [];
  logged = [];
  let pairs = 0;
  const log: ShellLogger = (level, message) => {
    logged.push({ level, message });
  };
  supervisor = new CoreSupervisor<string>({
    spawn: (events) => {
      const core = new FakeCore(events);
      cores.push(core);
      return core;
    },
    createPortPair: () => {
      pairs += 1;
      return { corePort: `core-end-${pairs}`, clientPort: `page-end-${pairs}` };
    },
    restartPolicy: new RestartPolicy({ initialDelayMs: 500, maxDelayMs: 30_000, multiplier: 2, jitterRatio: 0.2, healthyAfterMs: 60_000 }, () => 0.5),
    now: () => Date.now(),
    log,
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the core supervisor', () => {
  test('starts the core and tells a page it is starting', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    expect(cores).toHaveLength(1);
    expect(page.lifecycles).toEqual([{ state: 'starting' }, { state: 'starting' }]);
  });

  test('starts only one core however often start() is called', () => {
    supervisor.start();
    supervisor.start();
    expect(cores).toHaveLength(1);
  });

  test("on 'ready' marks it running and gives every page its own port, the other end going to the core", () => {
    const first = new FakeClient(1);
    const second = new FakeClient(2);
    supervisor.attachClient(first);
    supervisor.attachClient(second);
    supervisor.start();
    latestCore().say({ type: 'ready' });

    expect(first.lastLifecycle).toEqual({ state: 'running' });
    expect(second.lastLifecycle).toEqual({ state: 'running' });
    expect(first.ports).toEqual(['page-end-1']);
    expect(second.ports).toEqual(['page-end-2']);
    const posted = latestCore().posted;
    expect(posted.map((entry) => entry.transfer)).toEqual([['core-end-1'], ['core-end-2']]);
    for (const entry of posted) expect(CoreHostToCoreMessage.parse(entry.message)).toEqual(entry.message);
    expect(new Set(posted.map((entry) => entry.message.clientId)).size).toBe(2);
  });

  test('gives a page that asks while the core runs (a reload) the state and a fresh port at once', () => {
    supervisor.start();
    latestCore().say({ type: 'ready' });
    const page = new FakeClient(7);
    supervisor.attachClient(page);
    supervisor.attachClient(page);
    expect(page.lifecycles).toEqual([{ state: 'running' }, { state: 'running' }]);
    expect(page.ports).toEqual(['page-end-1', 'page-end-2']);
    expect(latestCore().posted).toHaveLength(2);
  });

  test('gives no port before the core is ready', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    expect(page.ports).toEqual([]);
    expect(latestCore().posted).toEqual([]);
  });

  test('restarts a core that died, after a backoff, and reconnects the pages', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    latestCore().say({ type: 'ready' });
    vi.advanceTimersByTime(1_000);
    latestCore().exit(1);

    expect(page.lastLifecycle).toEqual({ state: 'restarting', attempt: 1, nextAttemptAt: T0 + 1_000 + 500 });
    vi.advanceTimersByTime(499);
    expect(cores).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(cores).toHaveLength(2);
    expect(page.lastLifecycle).toEqual({ state: 'starting' });

    latestCore().say({ type: 'ready' });
    expect(page.lastLifecycle).toEqual({ state: 'running' });
    expect(page.ports).toEqual(['page-end-1', 'page-end-2']);
  });

  test('backs off exponentially while the core keeps dying before it is ready', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    const delays: number[] = [];
    for (let crash = 0; crash < 4; crash += 1) {
      latestCore().exit(1);
      const lifecycle = page.lastLifecycle;
      if (lifecycle?.state !== 'restarting') throw new Error(`expected restarting, got ${JSON.stringify(lifecycle)}`);
      expect(lifecycle.attempt).toBe(crash + 1);
      delays.push(lifecycle.nextAttemptAt - Date.now());
      vi.advanceTimersByTime(lifecycle.nextAttemptAt - Date.now());
    }
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect(cores).toHaveLength(5);
  });

  test('forgets earlier failures once the core has served healthily for a while', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    latestCore().exit(1);
    vi.advanceTimersByTime(500);
    latestCore().exit(1);
    vi.advanceTimersByTime(1000);
    latestCore().say({ type: 'ready' });
    vi.advanceTimersByTime(60_000);
    latestCore().exit(1);
    expect(page.lastLifecycle).toMatchObject({ state: 'restarting', attempt: 1 });
  });

  test("halts with the core's reason on 'fatal' and does not restart when it then exits", () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    latestCore().say({ type: 'fatal', reason: 'config.json: "readers[0].path" is required' });
    latestCore().exit(1);
    vi.advanceTimersByTime(10 * 60_000);

    expect(page.lastLifecycle).toEqual({ state: 'halted', reason: 'config.json: "readers[0].path" is required' });
    expect(cores).toHaveLength(1);
  });

  test('halts without a restart loop on the invalid-config exit code (78)', () => {
    expect(INVALID_CONFIG_EXIT_CODE).toBe(78);
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    latestCore().exit(78);
    vi.advanceTimersByTime(10 * 60_000);

    const lifecycle = page.lastLifecycle;
    expect(lifecycle?.state).toBe('halted');
    expect(lifecycle?.state === 'halted' ? lifecycle.reason : '').toMatch(/configuration/);
    expect(cores).toHaveLength(1);
  });

  test('ignores and logs messages that do not match the contract', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    for (const message of [{ type: 'bogus' }, 'ready', null, { type: 'fatal' }, { type: 'fatal', reason: 'x'.repeat(2001) }]) {
      latestCore().say(message);
    }
    expect(page.lastLifecycle).toEqual({ state: 'starting' });
    expect(logged.filter((entry) => entry.message.includes('invalid message'))).toHaveLength(5);
  });

  test('ignores a duplicate ready (no second round of ports)', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    latestCore().say({ type: 'ready' });
    latestCore().say({ type: 'ready' });
    expect(page.ports).toHaveLength(1);
  });

  test('ignores late events from a core that was already replaced', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    const first = latestCore();
    first.exit(1);
    vi.advanceTimersByTime(500);
    first.say({ type: 'ready' });
    first.exit(1);
    expect(page.lastLifecycle).toEqual({ state: 'starting' });
    expect(cores).toHaveLength(2);
  });

  test('treats a core that cannot even be spawned like one that died', () => {
    let attempts = 0;
    const flaky = new CoreSupervisor<string>({
      spawn: (events) => {
        attempts += 1;
        if (attempts === 1) throw new Error('ENOENT');
        return new FakeCore(events);
      },
      createPortPair: () => ({ corePort: 'a', clientPort: 'b' }),
      restartPolicy: new RestartPolicy(undefined, () => 0.5),
      log: () => undefined,
    });
    flaky.start();
    expect(flaky.currentLifecycle).toMatchObject({ state: 'restarting', attempt: 1 });
    vi.runOnlyPendingTimers();
    expect(flaky.currentLifecycle).toEqual({ state: 'starting' });
    expect(attempts).toBe(2);
  });

  test('stop() kills the core, cancels a pending restart and goes quiet', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    const core = latestCore();
    supervisor.stop();
    expect(core.killed).toBe(true);
    const pushes = page.lifecycles.length;
    core.exit(0);
    vi.advanceTimersByTime(60_000);
    expect(cores).toHaveLength(1);
    expect(page.lifecycles).toHaveLength(pushes);
  });

  test('stop() during a backoff cancels the restart', () => {
    supervisor.start();
    latestCore().exit(1);
    supervisor.stop();
    vi.advanceTimersByTime(60_000);
    expect(cores).toHaveLength(1);
  });

  test('halt() shows a reason found by the shell and never starts the core', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.halt('Invalid command line: --data needs a path');
    supervisor.start();
    expect(cores).toHaveLength(0);
    expect(page.lastLifecycle).toEqual({ state: 'halted', reason: 'Invalid command line: --data needs a path' });
  });

  test('cuts an over-long halt reason to what the contract allows', () => {
    supervisor.halt('x'.repeat(5000));
    expect(CoreLifecycle.safeParse(supervisor.currentLifecycle).success).toBe(true);
  });

  test('drops pages whose window is gone, and one failing page does not starve the others', () => {
    const gone = new FakeClient(1);
    const failing = new FakeClient(2);
    const healthy = new FakeClient(3);
    failing.sendLifecycle = () => {
      throw new Error('render frame disposed');
    };
    supervisor.attachClient(gone);
    supervisor.attachClient(failing);
    supervisor.attachClient(healthy);
    gone.gone = true;
    const before = gone.lifecycles.length;
    supervisor.start();
    latestCore().say({ type: 'ready' });

    expect(gone.lifecycles).toHaveLength(before);
    expect(gone.ports).toEqual([]);
    expect(healthy.lastLifecycle).toEqual({ state: 'running' });
    expect(healthy.ports).toHaveLength(1);
  });

  test('every lifecycle it sends satisfies the contract', () => {
    const page = new FakeClient(1);
    supervisor.attachClient(page);
    supervisor.start();
    latestCore().exit(1);
    vi.runOnlyPendingTimers();
    latestCore().say({ type: 'ready' });
    latestCore().say({ type: 'fatal', reason: 'disk full' });
    for (const lifecycle of page.lifecycles) expect(CoreLifecycle.parse(lifecycle)).toEqual(lifecycle);
    expect(page.lifecycles.map((lifecycle) => lifecycle.state)).toEqual(['starting', 'starting', 'restarting', 'starting', 'running', 'halted']);
  });
});
