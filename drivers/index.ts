/**
 * The reader drivers' public surface, for the core to compose (drivers never import the core).
 *
 *   const registry = new ReaderRegistry(config.readers, { ownership: { holder: { kind: 'appliance', applianceId } } });
 *   registry.scans$.subscribe(…); registry.status$.subscribe(…);
 *   await registry.close();
 *
 * Everything that reaches a reader's device is injectable (serial binding, HID backend, clock),
 * so the same stream code runs on a real port, a pty, a capture or the simulator.
 */
export { ReaderRegistry, type ReaderConfigEntry } from './registry/reader-registry.js';
export { openReader, transportFor, type ReaderOptions } from './reader/open-reader.js';
export { DEFAULT_READER_TIMING, SYSTEM_CLOCK, type Reader, type ReaderClock, type ReaderTiming } from './reader/reader.js';
export type {
  ReaderCounters,
  ReaderState,
  ReaderStatus,
  ReaderStatusReason,
  ReaderWarning,
  ReaderWarningKind,
  ReceivedChunk,
} from './reader/reader-status.js';
export { DEFAULT_BACKOFF } from './reader/reader.js';
export type { BackoffPolicy } from '../main/common/backoff/backoff.js';
export type { Scan } from './pipeline/scan.js';
export type { Decoding } from './pipeline/decoding.js';
export {
  HID_DECODERS,
  READER_KINDS,
  ReaderSpecError,
  parseReaderSpec,
  safeParseReaderSpec,
  type HidDecoderName,
  type HidReaderSpec,
  type ReaderKind,
  type ReaderSpec,
  type ReaderSpecIssue,
  type ReaderSpecResult,
  type ReplayReaderSpec,
  type SerialReaderSpec,
  type SimReaderSpec,
} from './spec/reader-spec.js';
export { FRAMINGS, frameDocument, type Framing, type FramingName } from './framing/framings.js';
export type { DiscardReason } from './framing/frame.js';
export {
  CAPTURE_VERSION,
  CaptureFormatError,
  headerForDecoding,
  parseCapture,
  type Capture,
  type CaptureEntry,
  type CaptureHeader,
} from './capture/capture-format.js';
export { CaptureWriter } from './capture/capture-writer.js';
export { SIMULATED_ALERT_LIST, type SimulatedTraveller } from './simulator/travellers.js';
export { DocumentGenerator, SIMULATED_KINDS, type DocumentMix, type SimulatedDocument, type SimulatedKind } from './simulator/document-generator.js';
export { SimulateScanError } from './transports/sim-transport.js';
export { HidDiscovery, nodeHidBackend, type HidBackend, type HidDeviceInfo, type HidHandle } from './transports/hid-backend.js';
export {
  claimPort,
  defaultLockDir,
  describeHolder,
  findPortHolder,
  type HolderIdentity,
  type OwnershipOptions,
  type PortHolder,
} from './ownership/port-ownership.js';
export { listDevices, type ConfiguredReader, type DeviceListing, type HidDevice, type ListDevicesOptions, type SerialDevice } from './devices/list-devices.js';
