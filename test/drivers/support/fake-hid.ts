import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCapture } from '../../../drivers/capture/capture-format.js';
import type { HidBackend, HidDeviceInfo, HidHandle } from '../../../drivers/transports/hid-backend.js';

export const HID_FIXTURES = fileURLToPath(new URL('../../fixtures/hid/', import.meta.url));

/** The reports of a fixture, in order. */
export function fixtureReports(name: string): Buffer[] {
  const capture = parseCapture(readFileSync(path.join(HID_FIXTURES, name), 'utf8'));
  return capture.entries.flatMap((entry) => (entry.kind === 'chunk' ? [entry.bytes] : []));
}

/** An open device as node-hid's HIDAsync is: an EventEmitter whose 'data' events carry one report each. */
export class ReportEmitter extends EventEmitter implements HidHandle {
  closed = false;

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/** A bus with one device that a test can plug, unplug and make send reports. */
export class OneDeviceBus {
  private present = true;
  private current: ReportEmitter | null = null;
  readonly backend: HidBackend;

  constructor(readonly device: HidDeviceInfo) {
    this.backend = {
      devices: () => Promise.resolve(this.present ? [device] : []),
      open: () => {
        this.current = new ReportEmitter();
        return Promise.resolve(this.current);
      },
    };
  }

  /** Emits reports the way a real device does: one 'data' event each. */
  send(reports: readonly Buffer[]): void {
    const handle = this.current;
    if (handle === null) throw new Error('the device is not open');
    for (const report of reports) handle.emit('data', report);
  }

  unplug(): void {
    this.present = false;
    this.current?.emit('error', new Error('could not read from HID device'));
  }

  replug(): void {
    this.present = true;
  }
}
