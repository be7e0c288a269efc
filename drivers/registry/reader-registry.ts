import { merge, type Observable } from 'rxjs';
import type { Scan } from '../pipeline/scan.js';
import { openReader, type ReaderOptions } from '../reader/open-reader.js';
import type { Reader } from '../reader/reader.js';
import type { ReaderCounters, ReaderStatus, ReaderWarning } from '../reader/reader-status.js';
import { HidDiscovery, nodeHidBackend } from '../transports/hid-backend.js';
import type { SimulatedKind } from '../simulator/document-generator.js';
import { SimulateScanError } from '../transports/sim-transport.js';

/** A reader as the config file lists it (main/common/contract/config.ts ReaderConfig). */
export interface ReaderConfigEntry {
  readonly id: string;
  readonly spec: string;
}

/**
 * The appliance's readers, from the config's `readers` list. Each runs on its own: a reader whose
 * spec is wrong, whose device is missing, or whose decoding fails only changes its own status; the
 * merged streams never error and keep carrying the others' scans.
 */
export class ReaderRegistry {
  readonly readers: ReadonlyMap<string, Reader>;
  /** Every reader's current status first, then each change. */
  readonly status$: Observable<ReaderStatus>;
  readonly scans$: Observable<Scan>;
  readonly warnings$: Observable<ReaderWarning>;

  constructor(configs: readonly ReaderConfigEntry[], options: ReaderOptions = {}) {
    const hidBackend = options.hidBackend ?? nodeHidBackend();
    const shared: ReaderOptions = {
      ...options,
      hidBackend,
      // One bus enumeration for all HID readers: it is the costly part of hot-plug.
      hidDiscovery: options.hidDiscovery ?? new HidDiscovery(hidBackend),
    };
    const readers = new Map<string, Reader>();
    for (const config of configs) {
      if (readers.has(config.id)) continue;
      readers.set(config.id, openReader(config, shared));
    }
    this.readers = readers;
    const all = [...readers.values()];
    this.status$ = merge(...all.map((reader) => reader.status$));
    this.scans$ = merge(...all.map((reader) => reader.scans$));
    this.warnings$ = merge(...all.map((reader) => reader.warnings$));
  }

  statuses(): ReaderStatus[] {
    return [...this.readers.values()].map((reader) => reader.status());
  }

  counters(): Record<string, ReaderCounters> {
    return Object.fromEntries([...this.readers].map(([id, reader]) => [id, reader.counters()]));
  }

  /**
   * Readers that decode a keyboard-wedge device themselves (through hidraw). While any runs, the
   * UI's keystroke fallback must stay off for that device, or every scan would arrive twice.
   */
  keyboardWedgeReaderIds(): string[] {
    return [...this.readers.values()].filter((reader) => reader.spec?.kind === 'hid' && reader.spec.decoder === 'keyboard').map((reader) => reader.id);
  }

  /** Makes the simulator `readerId` scan one document of this kind now; throws SimulateScanError. */
  simulateScan(readerId: string, kind: SimulatedKind): void {
    const reader = this.readers.get(readerId);
    if (reader === undefined) throw new SimulateScanError('unknown-reader', `no reader "${readerId}" is configured`);
    reader.simulateScan(kind);
  }

  async close(): Promise<void> {
    await Promise.all([...this.readers.values()].map((reader) => reader.close()));
  }
}
