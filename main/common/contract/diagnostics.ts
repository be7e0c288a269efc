import * as z from 'zod';
import { ApplianceConfig } from './config.js';

/**
 * What a technician sends to whoever supports the appliance: versions, the
 * configuration, database figures, reader and sync state and history, and
 * the latest log lines. Records are counted, never copied: no traveller's
 * name, document or zone is in it (the logs hold none, and lines that look
 * like a zone are left out all the same).
 */
export const DiagnosticsBundle = z.object({
  format: z.literal('sahman-diagnostics/1'),
  generatedAt: z.iso.datetime(),
  applianceId: z.string(),
  versions: z.object({ sahman: z.string(), node: z.string(), sqlite: z.string(), electron: z.string().nullable(), platform: z.string(), arch: z.string(), osRelease: z.string() }),
  config: ApplianceConfig,
  database: z.object({
    bytes: z.number().int().nonnegative(),
    walBytes: z.number().int().nonnegative(),
    schemaVersion: z.number().int().nonnegative(),
    pages: z.number().int().nonnegative(),
    freePages: z.number().int().nonnegative(),
    rows: z.record(z.string(), z.number().int().nonnegative()),
  }),
  sync: z.object({
    lastSeq: z.number().int().nonnegative(),
    deliveredThroughSeq: z.number().int().nonnegative(),
    referenceVersions: z.record(z.string(), z.number().int().nonnegative()),
    deadLetters: z.array(z.object({ seq: z.number().int(), kind: z.string(), reason: z.string(), rejectedAt: z.iso.datetime(), requeuedAs: z.number().int().nullable() })),
    /** The relay's live state, when the bundle was made by the running appliance. */
    status: z.unknown().nullable(),
    /** Its state changes, from the logs. */
    history: z.array(z.unknown()),
  }),
  readers: z.object({
    /** Live states, when the bundle was made by the running appliance. */
    now: z.array(z.unknown()),
    /** Status changes, from the logs. */
    history: z.array(z.unknown()),
  }),
  logs: z.object({ files: z.array(z.string()), lines: z.array(z.string()), leftOut: z.number().int().nonnegative() }),
});
export type DiagnosticsBundle = z.infer<typeof DiagnosticsBundle>;
