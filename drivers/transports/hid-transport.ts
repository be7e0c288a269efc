import { stat } from 'node:fs/promises';
import type { HidReaderSpec } from '../spec/reader-spec.js';
import type { HidBackend, HidDeviceInfo, HidDiscovery } from './hid-backend.js';
import { TransportOpenError, type ChunkSink, type Located, type Transport, type TransportSession } from './transport.js';

export function matchesHidSpec(spec: HidReaderSpec, device: HidDeviceInfo): boolean {
  return (
    device.vendorId === spec.vendorId &&
    device.productId === spec.productId &&
    (spec.interfaceNumber === undefined || device.interfaceNumber === spec.interfaceNumber) &&
    (spec.usagePage === undefined || device.usagePage === spec.usagePage) &&
    (spec.serialNumber === undefined || device.serialNumber === spec.serialNumber)
  );
}

async function stillThere(path: string): Promise<boolean> {
  // hidraw nodes can be checked for nothing; other platforms' paths are not files, and report loss by 'error'.
  if (!path.startsWith('/dev/')) return true;
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

/** An HID reader (ACCESS-IS vendor reports, HID POS, boot keyboard) through an HidBackend. */
export function hidTransport(spec: HidReaderSpec, discovery: HidDiscovery, backend: HidBackend): Transport {
  const name = `${hex4(spec.vendorId)}:${hex4(spec.productId)}`;
  return {
    kind: 'hid',
    async locate(): Promise<Located | null> {
      const device = (await discovery.devices()).find((candidate) => matchesHidSpec(spec, candidate));
      if (device === undefined) return null;
      return { where: device.path, ownershipKey: `hid:${device.path}`, stillPresent: () => stillThere(device.path) };
    },
    async open(located: Located, sink: ChunkSink): Promise<TransportSession> {
      let handle;
      try {
        handle = await backend.open(located.where);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/permission|access/i.test(message)) {
          throw new TransportOpenError('permission-denied', `permission denied on ${name} (${located.where}): install the udev rules in drivers/udev (see drivers/README.md)`);
        }
        throw new TransportOpenError('open-failed', `cannot open ${name} (${located.where}): ${message}`);
      }
      let closing = false;
      handle.on('data', (report) => {
        if (!closing) sink.chunk(report);
      });
      // node-hid reports an unplug as a read error. The listener stays after close, because an
      // 'error' with no listener would throw.
      handle.on('error', (error) => {
        if (!closing) sink.ended({ reason: 'unplugged', message: `${name}: ${error.message}` });
      });
      const opened = handle;
      return {
        decoding: { input: 'hid-reports', decoder: spec.decoder },
        async close() {
          closing = true;
          await opened.close().catch(() => undefined);
        },
      };
    },
  };
}
