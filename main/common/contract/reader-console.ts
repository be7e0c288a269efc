import * as z from 'zod';
import { ReaderConfig } from './config.js';
import { MrzResultSchema } from './mrz-result.js';
import { ReaderStatusView } from './readers.js';

/**
 * The technician's Readers console: the devices this machine sees beside the
 * configured readers, reader specs edited live, the raw monitor and the test
 * scan. Reader specs stay the one-line text of the config file (see
 * drivers/spec/reader-spec.ts); the screen composes it from its fields.
 */

export const ReaderId = ReaderConfig.shape.id;

/** Who holds a device open: this appliance, another one, or a `sahman monitor`. */
export const DeviceHolder = z.object({
  kind: z.enum(['appliance', 'monitor']),
  applianceId: z.string().optional(),
  readerId: z.string(),
  pid: z.number().int(),
  hostname: z.string(),
  /** The holder is this core (the same process): the reader is simply running. */
  thisAppliance: z.boolean(),
});
export type DeviceHolder = z.infer<typeof DeviceHolder>;

export const SerialDeviceView = z.object({
  path: z.string(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  manufacturer: z.string().optional(),
  serialNumber: z.string().optional(),
  /** Configured readers whose spec names this port. */
  usedBy: z.array(z.string()),
  heldBy: DeviceHolder.optional(),
});
export type SerialDeviceView = z.infer<typeof SerialDeviceView>;

export const HidDeviceView = z.object({
  path: z.string(),
  vendorId: z.string(),
  productId: z.string(),
  interfaceNumber: z.number().int(),
  usagePage: z.string().optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  usedBy: z.array(z.string()),
  heldBy: DeviceHolder.optional(),
});
export type HidDeviceView = z.infer<typeof HidDeviceView>;

export const ConfiguredReaderView = z.object({
  id: z.string(),
  spec: z.string(),
  /** serial, hid, sim, replay; null when the spec cannot be read. */
  kind: z.string().nullable(),
  /** Why the spec cannot be used, when it cannot. */
  problem: z.string().optional(),
  present: z.boolean(),
  /** The device paths (or file) it would open now. */
  devices: z.array(z.string()),
  heldBy: DeviceHolder.optional(),
  status: ReaderStatusView.optional(),
});
export type ConfiguredReaderView = z.infer<typeof ConfiguredReaderView>;

export const ReaderDevices = z.object({
  serial: z.array(SerialDeviceView),
  hid: z.array(HidDeviceView),
  readers: z.array(ConfiguredReaderView),
  /** Buses that could not be listed, and why (a missing program names its Debian package). */
  problems: z.array(z.string()),
  listedAt: z.iso.datetime(),
});
export type ReaderDevices = z.infer<typeof ReaderDevices>;

/**
 * A problem with one field: `option` is the request's own name for it (a
 * spec's path, baud, framing…, or id; a setting's url, caFile…). `message` is
 * English; `code` with `values` lets a screen say it in its own language, and
 * is open so that an older screen still shows a newer core's message.
 */
export const FieldIssueView = z.object({
  option: z.string(),
  message: z.string(),
  code: z.string().max(40).optional(),
  values: z.record(z.string(), z.union([z.string().max(300), z.number()])).optional(),
});
export type FieldIssueView = z.infer<typeof FieldIssueView>;

export const ReaderSpecIssueView = FieldIssueView;
export type ReaderSpecIssueView = z.infer<typeof ReaderSpecIssueView>;

export const ReaderSave = z
  .object({
    id: ReaderId,
    spec: ReaderConfig.shape.spec,
    /** The reader this one replaces (its id may change); absent when adding. */
    replaces: ReaderId.optional(),
  })
  .strict();
export type ReaderSave = z.infer<typeof ReaderSave>;

export const ConfiguredReaders = z.object({ readers: z.array(ReaderConfig) });
export type ConfiguredReaders = z.infer<typeof ConfiguredReaders>;

export const TestScanRequest = z
  .object({
    readerId: ReaderId,
    timeoutSeconds: z.number().int().min(1).max(120).default(30),
  })
  .strict();
export type TestScanRequest = z.infer<typeof TestScanRequest>;

export const TestScanTimings = z.object({
  /** From the request to the document. */
  waitedMs: z.number().nonnegative(),
  /** From the document's first byte to its last: the reader's and the line's share. */
  transferMs: z.number().nonnegative(),
  /** The MRZ engine's parse and checks. */
  parseMs: z.number().nonnegative(),
});
export type TestScanTimings = z.infer<typeof TestScanTimings>;

/** The next document from a reader, parsed but never recorded nor shown to the guard. */
export const TestScanResult = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('scanned'),
    readerId: z.string(),
    receivedAt: z.iso.datetime(),
    lines: z.array(z.string()),
    bytes: z.number().int().nonnegative(),
    mrz: MrzResultSchema,
    timings: TestScanTimings,
  }),
  z.object({ outcome: z.literal('timeout'), readerId: z.string(), waitedMs: z.number().nonnegative() }),
]);
export type TestScanResult = z.infer<typeof TestScanResult>;

export const RawMonitorRequest = z.object({ readerId: ReaderId }).strict();

/** Bytes as the device sent them, a few times a second. */
export const RawChunkView = z.object({ at: z.iso.datetime(), hex: z.string().regex(/^(?:[0-9a-f]{2})*$/) });
export type RawChunkView = z.infer<typeof RawChunkView>;

export const RawMonitorEvent = z.object({
  readerId: z.string(),
  chunks: z.array(RawChunkView),
  /** Bytes left out of this event because more came than a screen can show; the count keeps the gap visible. */
  droppedBytes: z.number().int().nonnegative(),
  /** Every byte the reader has received since it opened, dropped or not. */
  totalBytes: z.number().int().nonnegative(),
});
export type RawMonitorEvent = z.infer<typeof RawMonitorEvent>;
