import { Subject, defer, from, merge, mergeMap, type Observable } from 'rxjs';
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
 * merged streams never error and keep carrying the others' scans. A technician adds, replaces and
 * removes readers while the others keep running; the merged streams follow.
 */
export class ReaderRegistry {
  /** Every reader's current status first, then each change (a removed reader's last is its final status). */
  readonly status$: Observable<ReaderStatus>;
  readonly scans$: Observable<Scan>;
  readonly warnings$: Observable<ReaderWarning>;

  private readonly current = new Map<string, Reader>();
  private readonly openedSubject = new Subject<Reader>();
  /** Each reader started after the registry (an added or replacing one). */
  readonly opened$: Observable<Reader> = this.openedSubject.asObservable();
  private readonly shared: ReaderOptions;
  /** Serialises changes: a replacement must release the device before its successor opens it. */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(configs: readonly ReaderConfigEntry[], options: ReaderOptions = {}) {
    const hidBackend = options.hidBackend ?? nodeHidBackend();
    this.shared = {
      ...options,
      hidBackend,
      // One bus enumeration for all HID readers: it is the costly part of hot-plug.
      hidDiscovery: options.hidDiscovery ?? new HidDiscovery(hidBackend),
    };
    for (const config of configs) {
      if (this.current.has(config.id)) continue;
      this.current.set(config.id, openReader(config, this.shared));
    }
    this.status$ = this.fromEach((reader) => reader.status$);
    this.scans$ = this.fromEach((reader) => reader.scans$);
    this.warnings$ = this.fromEach((reader) => reader.warnings$);
  }

  get readers(): ReadonlyMap<string, Reader> {
    return this.current;
  }

  /**
   * Starts `config` in place of the reader `replaces` (or of a reader with its id), after that one
   * has released its device; adds it when there is none. Resolves once the new reader is opening.
   */
  replace(config: ReaderConfigEntry, replaces: string = config.id): Promise<Reader> {
    return this.serialised(async () => {
      await this.stop(replaces);
      if (config.id !== replaces) await this.stop(config.id);
      const reader = openReader(config, this.shared);
      this.current.set(config.id, reader);
      this.openedSubject.next(reader);
      return reader;
    });
  }

  /** Stops a reader and releases its device; false when there was none by that id. */
  remove(readerId: string): Promise<boolean> {
    return this.serialised(() => this.stop(readerId));
  }

  private async stop(readerId: string): Promise<boolean> {
    const reader = this.current.get(readerId);
    if (reader === undefined) return false;
    await reader.close();
    this.current.delete(readerId);
    return true;
  }

  private serialised<T>(change: () => Promise<T>): Promise<T> {
    const next = this.changes.then(change);
    this.changes = next.catch(() => undefined);
    return next;
  }

  /** Readers now and readers opened later, each followed until it completes. */
  private fromEach<T>(pick: (reader: Reader) => Observable<T>): Observable<T> {
    return defer(() => merge(from([...this.current.values()]), this.opened$)).pipe(mergeMap(pick));
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
    await this.changes;
    await Promise.all([...this.current.values()].map((reader) => reader.close()));
    this.openedSubject.complete();
  }
}
