/**
 * A real reference central (sync/central) in this process, for tests of the relay and of
 * central itself: a free port on 127.0.0.1, a fresh temp data folder (or the one given, to
 * restart a central on its old data), and optionally an appliance key registered up front.
 *
 *   const central = await startTestCentral({ applianceId: 'uto-lane-1', publicKeyBase64: key.publicKeyBase64 });
 *   // point the relay at central.url, pin central.centralPublicKeyBase64 …
 *   expect(central.items('uto-lane-1').map((item) => item.seq)).toEqual([1, 2, 3]);
 *
 * It closes itself when the test ends; close() earlier to simulate central going away, then
 * start another with the same dataDir and port to bring it back.
 */
import { onTestFinished } from 'vitest';
import type { Alarm } from '../../sync/central/alarm-store.js';
import { startCentral, type CentralTls, type RunningCentral } from '../../sync/central/start-central.js';
import { SyncItem, type RejectedItem, type SyncItemKind } from '../../sync/protocol/wire.js';
import { tempDir } from './temp-dir.js';

export interface TestCentralOptions {
  /** With publicKeyBase64: registers this appliance's key before the first request. */
  readonly applianceId?: string;
  readonly publicKeyBase64?: string;
  /** Reuse a data folder (to restart a central); default a fresh temp folder. */
  readonly dataDir?: string;
  /** Default 0: a free port. Pass a closed central's port to restart it at the same address. */
  readonly port?: number;
  readonly tls?: CentralTls;
  /** Central's clock; default the system clock. */
  readonly now?: () => Date;
}

export interface TestCentral {
  /** http(s)://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** What appliances pin to check deltas. */
  readonly centralPublicKeyBase64: string;
  readonly central: RunningCentral;
  /** Central's log lines (alarms, internal errors), instead of standard error. */
  readonly log: readonly string[];
  close(): Promise<void>;
  registerKey(applianceId: string, publicKeyBase64: string): void;
  /** What central kept of one appliance, by key registration then seq; rejected items left out. */
  items(applianceId: string): { seq: number; kind: SyncItemKind; record: SyncItem['record'] }[];
  /** What central rejected of one appliance, with the reasons. */
  rejected(applianceId: string): RejectedItem[];
  alarms(): Alarm[];
}

export async function startTestCentral(options: TestCentralOptions = {}): Promise<TestCentral> {
  const dataDir = options.dataDir ?? tempDir('sahman-central-');
  const log: string[] = [];
  const central = await startCentral({
    dataDir,
    port: options.port ?? 0,
    host: '127.0.0.1',
    log: (line) => log.push(line),
    ...(options.tls === undefined ? {} : { tls: options.tls }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  onTestFinished(() => central.close());
  const registerKey = (applianceId: string, publicKeyBase64: string) => {
    central.store.keys.register(applianceId, publicKeyBase64, new Date());
  };
  if (options.applianceId !== undefined && options.publicKeyBase64 !== undefined) registerKey(options.applianceId, options.publicKeyBase64);
  return {
    url: central.url,
    port: central.port,
    dataDir,
    centralPublicKeyBase64: central.publicKeyBase64,
    central,
    log,
    close: () => central.close(),
    registerKey,
    items: (applianceId) =>
      [...central.store.items.held({ applianceId })].map((held) => {
        const item = SyncItem.parse(JSON.parse(held.item));
        return { seq: item.seq, kind: item.kind, record: item.record };
      }),
    rejected: (applianceId) =>
      [...central.store.items.held({ applianceId, rejected: true })].map((held) => ({ seq: held.seq, reason: held.rejectedReason ?? '' })),
    alarms: () => central.store.alarms.list(),
  };
}
