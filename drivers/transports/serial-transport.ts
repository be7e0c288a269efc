import { realpath } from 'node:fs/promises';
import type { BindingInterface } from '@serialport/bindings-cpp';
import { SerialPortStream } from '@serialport/stream';
import type { SerialReaderSpec } from '../spec/reader-spec.js';
import { TransportOpenError, type ChunkSink, type Located, type Transport, type TransportSession } from './transport.js';
import { pathExists } from '../devices/path-exists.js';


/** The bindings report failures as messages only (no errno code). */
function classifyOpenError(error: unknown, path: string): TransportOpenError {
  const message = error instanceof Error ? error.message : String(error);
  if (/cannot lock port|resource temporarily unavailable/i.test(message)) return new TransportOpenError('busy', `${path} is open in another process`);
  if (/permission denied|EACCES/i.test(message)) {
    return new TransportOpenError('permission-denied', `permission denied on ${path}: add the appliance's user to the dialout group (see drivers/README.md)`);
  }
  if (/no such file|ENOENT/i.test(message)) return new TransportOpenError('not-present', `${path} is not there`);
  return new TransportOpenError('open-failed', `cannot open ${path}: ${message}`);
}

/**
 * A serial reader through node-serialport. The binding is injected (the real one by default), so
 * the same code runs on a real port, a pty made by socat, or any other BindingInterface.
 */
export function serialTransport(spec: SerialReaderSpec, binding: () => Promise<BindingInterface>): Transport {
  return {
    kind: 'serial',
    async locate(): Promise<Located | null> {
      if (!(await pathExists(spec.path))) return null;
      // Keyed on the real device, so /dev/serial/by-id/… and /dev/ttyUSB0 are one port.
      const device = await realpath(spec.path).catch(() => spec.path);
      return { where: spec.path, ownershipKey: device, stillPresent: () => pathExists(spec.path) };
    },
    async open(_located: Located, sink: ChunkSink): Promise<TransportSession> {
      const port = new SerialPortStream({
        binding: await binding(),
        path: spec.path,
        baudRate: spec.baudRate,
        dataBits: spec.dataBits,
        parity: spec.parity,
        stopBits: spec.stopBits,
        autoOpen: false,
      });
      try {
        await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
      } catch (error) {
        throw classifyOpenError(error, spec.path);
      }
      let closing = false;
      port.on('data', (chunk: Buffer) => sink.chunk(chunk));
      port.on('close', (error: (Error & { disconnected?: boolean }) | null) => {
        if (closing) return;
        if (error?.disconnected === true) sink.ended({ reason: 'unplugged', message: `${spec.path} was disconnected` });
        else sink.ended({ reason: 'io-error', message: `${spec.path} closed unexpectedly` });
      });
      port.on('error', (error: Error) => {
        if (!closing) sink.ended({ reason: 'io-error', message: `${spec.path}: ${error.message}` });
      });
      return {
        decoding: { input: 'bytes', framing: spec.framing },
        close: () => {
          closing = true;
          if (!port.isOpen) return Promise.resolve();
          return new Promise<void>((resolve) => port.close(() => resolve()));
        },
      };
    },
  };
}
