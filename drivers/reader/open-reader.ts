import type { BindingInterface } from '@serialport/bindings-cpp';
import { safeParseReaderSpec, type ReaderSpec } from '../spec/reader-spec.js';
import { HidDiscovery, nodeHidBackend, type HidBackend } from '../transports/hid-backend.js';
import { hidTransport } from '../transports/hid-transport.js';
import { replayTransport } from '../transports/replay-transport.js';
import { serialTransport } from '../transports/serial-transport.js';
import { simTransport } from '../transports/sim-transport.js';
import type { Transport } from '../transports/transport.js';
import { FailedReader, SYSTEM_CLOCK, SupervisedReader, type Reader, type SupervisedReaderOptions } from './reader.js';

export interface ReaderOptions extends SupervisedReaderOptions {
  /** node-serialport binding; default: @serialport/bindings-cpp's autoDetect(), loaded on first use. */
  readonly serialBinding?: BindingInterface;
  /** HID access; default: node-hid, loaded on first use. */
  readonly hidBackend?: HidBackend;
  /** Shared bus enumeration; a registry passes one to all its readers. */
  readonly hidDiscovery?: HidDiscovery;
}

async function defaultSerialBinding(): Promise<BindingInterface> {
  const { autoDetect } = await import('@serialport/bindings-cpp');
  return autoDetect();
}

export function transportFor(spec: ReaderSpec, options: ReaderOptions = {}): Transport {
  const clock = options.clock ?? SYSTEM_CLOCK;
  switch (spec.kind) {
    case 'serial': {
      const binding = options.serialBinding;
      return serialTransport(spec, binding === undefined ? defaultSerialBinding : () => Promise.resolve(binding));
    }
    case 'hid': {
      const backend = options.hidBackend ?? nodeHidBackend();
      return hidTransport(spec, options.hidDiscovery ?? new HidDiscovery(backend, { monotonicMs: () => clock.monotonicMs() }), backend);
    }
    case 'sim':
      return simTransport(spec, () => clock.now());
    case 'replay':
      return replayTransport(spec, () => clock.monotonicMs());
  }
}

/**
 * Starts a reader from its config entry. Never throws: an unusable spec gives a reader whose only
 * status is a final error saying what is wrong with it.
 */
export function openReader(config: { readonly id: string; readonly spec: string }, options: ReaderOptions = {}): Reader {
  const parsed = safeParseReaderSpec(config.spec);
  if (!parsed.ok) return new FailedReader(config.id, parsed.error);
  return new SupervisedReader(config.id, parsed.spec, transportFor(parsed.spec, options), options);
}
