import * as z from 'zod';
import { MrzResultSchema } from './mrz-result.js';

/** A reader's state as the screens show it; never anything the device sent. */
export const ReaderStatusView = z.object({
  readerId: z.string(),
  /** serial, hid, sim, replay; open, because kinds grow. A sim reader takes readers.simulateScan. */
  kind: z.string(),
  state: z.enum(['connecting', 'ready', 'disconnected', 'error']),
  reason: z.string().optional(),
  message: z.string().optional(),
  device: z.string().optional(),
  /** No further status will follow: the reader has stopped for good. */
  final: z.boolean(),
  at: z.iso.datetime(),
});
export type ReaderStatusView = z.infer<typeof ReaderStatusView>;

/** A document as a reader delivered it, with the MRZ engine's verdict; for the guard's screen. */
export const ScanView = z.object({
  readerId: z.string(),
  seq: z.number().int().positive(),
  receivedAt: z.iso.datetime(),
  lines: z.array(z.string()),
  mrz: MrzResultSchema,
});
export type ScanView = z.infer<typeof ScanView>;
