/**
 * Who holds a reader's device. The serial binding's flock already keeps a second process off a
 * serial port, but it cannot say who has it, and hidraw has no such lock at all (two readers of one
 * HID device would each get every scan). So each process that opens a device leaves a small record
 * in a shared folder, and `sahman monitor` can say "held by appliance X, reader Y, pid Z".
 *
 * The record holds no personal data: process id, appliance id, reader id, device path, times.
 */
import { createHash, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';

export const PortHolder = z.object({
  kind: z.enum(['appliance', 'monitor']),
  /** The appliance's id from its config, when an appliance holds it. */
  applianceId: z.string().optional(),
  readerId: z.string(),
  /** The device, as its path or bus identity. */
  device: z.string(),
  pid: z.number().int(),
  hostname: z.string(),
  since: z.string(),
});
export type PortHolder = z.infer<typeof PortHolder>;

const OwnershipRecord = PortHolder.extend({
  /** Tells two readers of one process apart, and this claim from an older one by a reused pid. */
  token: z.string(),
  /** The holder's start time (Linux /proc/PID/stat field 22), so that a reused pid is not taken for the holder. */
  processStart: z.string().nullable(),
});
type OwnershipRecord = z.infer<typeof OwnershipRecord>;

/** Who this process is, for the records it leaves. */
export interface HolderIdentity {
  readonly kind: 'appliance' | 'monitor';
  readonly applianceId?: string;
}

export interface OwnershipOptions {
  /** Shared by every Sahman process on the machine; default $SAHMAN_LOCK_DIR, else <tmp>/sahman-ports. */
  readonly lockDir?: string;
  readonly holder: HolderIdentity;
}

export type ClaimResult = { readonly ok: true; release(): Promise<void> } | { readonly ok: false; readonly heldBy: PortHolder };

export function defaultLockDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.SAHMAN_LOCK_DIR;
  return explicit !== undefined && explicit !== '' ? path.resolve(explicit) : path.join(os.tmpdir(), 'sahman-ports');
}

function recordPath(lockDir: string, deviceKey: string): string {
  return path.join(lockDir, `${createHash('sha256').update(deviceKey).digest('hex').slice(0, 32)}.json`);
}

/** Field 22 of /proc/PID/stat (start time in clock ticks since boot), or null where there is no /proc. */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(record: OwnershipRecord): boolean {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // EPERM: alive, but another user's.
    if (!(error instanceof Error && 'code' in error && error.code === 'EPERM')) return false;
  }
  if (record.processStart === null) return true;
  const start = processStartOf(record.pid);
  return start === null || start === record.processStart;
}

async function readRecord(file: string): Promise<OwnershipRecord | null> {
  try {
    const parsed = OwnershipRecord.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function publicHolder(record: OwnershipRecord): PortHolder {
  return {
    kind: record.kind,
    ...(record.applianceId === undefined ? {} : { applianceId: record.applianceId }),
    readerId: record.readerId,
    device: record.device,
    pid: record.pid,
    hostname: record.hostname,
    since: record.since,
  };
}

async function ensureLockDir(lockDir: string): Promise<void> {
  await mkdir(lockDir, { recursive: true });
  // Shared by the appliance's user and a technician's: sticky and world-writable, like /tmp.
  await chmod(lockDir, 0o1777).catch(() => undefined);
}

/** The live holder of a device, or null when none (a record left by a dead process does not count). */
export async function findPortHolder(lockDir: string, deviceKey: string): Promise<PortHolder | null> {
  const record = await readRecord(recordPath(lockDir, deviceKey));
  return record !== null && isAlive(record) ? publicHolder(record) : null;
}

/** Claims a device for this process; fails with the holder when another live claim exists. */
export async function claimPort(lockDir: string, deviceKey: string, claimant: HolderIdentity & { readonly readerId: string; readonly device: string }): Promise<ClaimResult> {
  await ensureLockDir(lockDir);
  const file = recordPath(lockDir, deviceKey);
  const record: OwnershipRecord = {
    kind: claimant.kind,
    ...(claimant.applianceId === undefined ? {} : { applianceId: claimant.applianceId }),
    readerId: claimant.readerId,
    device: claimant.device,
    pid: process.pid,
    hostname: os.hostname(),
    since: new Date().toISOString(),
    token: randomUUID(),
    processStart: processStartOf(process.pid),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify(record)}\n`, { flag: 'wx', mode: 0o644 });
      return { ok: true, release: () => releaseClaim(file, record.token) };
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    const existing = await readRecord(file);
    if (existing !== null && isAlive(existing)) return { ok: false, heldBy: publicHolder(existing) };
    // Left by a process that is gone (or half written by one that died): take it over.
    await unlink(file).catch(() => undefined);
  }
  const existing = await readRecord(file);
  if (existing !== null) return { ok: false, heldBy: publicHolder(existing) };
  throw new Error(`cannot claim ${claimant.device}: its ownership record keeps changing`);
}

async function releaseClaim(file: string, token: string): Promise<void> {
  const current = await readRecord(file);
  // Only our own record: after a takeover the file may be someone else's.
  if (current?.token === token) await unlink(file).catch(() => undefined);
}

/** "appliance sahman-3f9a1c2e (reader lane-1, pid 4242) since 2025-…" */
export function describeHolder(holder: PortHolder): string {
  const who = holder.kind === 'appliance' ? `appliance ${holder.applianceId ?? '(unknown id)'}` : 'a sahman monitor';
  return `${who} (reader ${holder.readerId}, pid ${String(holder.pid)} on ${holder.hostname}) since ${holder.since}`;
}
