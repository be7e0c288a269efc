import { onTestFinished } from 'vitest';
import type { Reader } from '../../../drivers/reader/reader.js';
import { openReader, type ReaderOptions } from '../../../drivers/reader/open-reader.js';
import type { ReaderStatus, ReaderWarning } from '../../../drivers/reader/reader-status.js';
import type { Scan } from '../../../drivers/pipeline/scan.js';

export interface Observed {
  readonly reader: Reader;
  readonly scans: Scan[];
  readonly statuses: ReaderStatus[];
  readonly warnings: ReaderWarning[];
  /** Total bytes discarded for any reason. */
  discardedBytes(): number;
  /** "state" or "state/reason" for each status so far. */
  states(): string[];
}

/** Opens a reader, records everything it emits, and closes it when the test ends. */
export function observeReader(spec: string, options: ReaderOptions = {}, id = 'test-reader'): Observed {
  const reader = openReader({ id, spec }, options);
  const scans: Scan[] = [];
  const statuses: ReaderStatus[] = [];
  const warnings: ReaderWarning[] = [];
  reader.scans$.subscribe((scan) => scans.push(scan));
  reader.status$.subscribe((status) => statuses.push(status));
  reader.warnings$.subscribe((warning) => warnings.push(warning));
  onTestFinished(() => reader.close());
  return {
    reader,
    scans,
    statuses,
    warnings,
    discardedBytes: () => Object.values(reader.counters().discarded).reduce((total, entry) => total + entry.bytes, 0),
    states: () => statuses.map((status) => (status.reason === undefined ? status.state : `${status.state}/${status.reason}`)),
  };
}

export function linesOf(scans: readonly Scan[]): string[][] {
  return scans.map((scan) => [...scan.lines]);
}
