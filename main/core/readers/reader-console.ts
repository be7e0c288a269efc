import { realpath } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Database } from 'better-sqlite3';
import { defer, type Observable } from 'rxjs';
import { defaultLockDir, findPortHolder, listDevices, safeParseReaderSpec, type DeviceListing, type PortHolder } from '../../../drivers/index.js';
import { parseMrz } from '../../common/icao/index.js';
import type { ReaderConfig } from '../../common/contract/config.js';
import type {
  ConfiguredReaders,
  DeviceHolder,
  RawMonitorEvent,
  ReaderDevices,
  ReaderSave,
  TestScanRequest,
  TestScanResult,
} from '../../common/contract/reader-console.js';
import type { AuditEntry, AuditTrail } from '../audit/audit-trail.js';
import { InvalidRequestError, UnavailableError } from '../errors/domain-errors.js';
import { signedInOfficerId, type RpcHandlers } from '../rpc/handlers.js';
import { writeConfigAudited } from '../config/config-writer.js';
import type { LiveConfig } from '../config/live-config.js';
import { rawMonitorEvents, type RawMonitorOptions } from './raw-monitor.js';
import type { ReaderService } from './reader-service.js';
import { FieldsRefusedError, type FieldIssue } from '../errors/fields-refused.js';

const MAX_READERS = 16;

export interface ReaderConsoleOptions {
  readonly db: Database;
  readonly audit: AuditTrail;
  readonly configPath: string;
  readonly readers: ReaderService;
  /** Told of each configuration written, for what reads settings later (diagnostics). */
  readonly config?: LiveConfig;
  /** Where port ownership records are kept; the drivers' default. */
  readonly lockDir?: string;
  /** The buses as the drivers list them; injected by tests that have no udev. */
  readonly listDevices?: (configured: readonly ReaderConfig[]) => Promise<DeviceListing>;
  readonly rawMonitor?: RawMonitorOptions;
  readonly now?: () => Date;
}

function holderView(holder: PortHolder): DeviceHolder {
  return {
    kind: holder.kind,
    ...(holder.applianceId === undefined ? {} : { applianceId: holder.applianceId }),
    readerId: holder.readerId,
    pid: holder.pid,
    hostname: holder.hostname,
    thisAppliance: holder.pid === process.pid,
  };
}

function serialPathOf(spec: string): string | undefined {
  const parsed = safeParseReaderSpec(spec);
  return parsed.ok && parsed.spec.kind === 'serial' ? parsed.spec.path : undefined;
}

/**
 * The technician's Readers console: what the buses show, reader specs edited
 * live (validated, written to the config file, audited, applied without a
 * restart), the raw monitor and the test scan. Nothing here is ever logged:
 * raw bytes and test scans are a traveller's data.
 */
export class ReaderConsole {
  private readonly now: () => Date;

  constructor(private readonly options: ReaderConsoleOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async devices(): Promise<ReaderDevices> {
    const configured = this.options.readers.configuredReaders();
    const listing = await (this.options.listDevices ?? ((readers) => listDevices(readers, this.lockDir === undefined ? {} : { lockDir: this.lockDir })))(configured);
    const lockDir = this.lockDir ?? defaultLockDir();
    const holderOf = async (device: string): Promise<DeviceHolder | undefined> => {
      const holder = await findPortHolder(lockDir, device);
      return holder === null ? undefined : holderView(holder);
    };
    const statuses = new Map(this.options.readers.views().map((status) => [status.readerId, status]));
    const serial = await Promise.all(
      listing.serial.map(async (port) => {
        const heldBy = await holderOf(await realpath(port.path).catch(() => port.path));
        return { ...port, usedBy: [...port.usedBy], ...(heldBy === undefined ? {} : { heldBy }) };
      }),
    );
    const hid = await Promise.all(
      listing.hid.map(async (device) => {
        const heldBy = await holderOf(`hid:${device.path}`);
        return { ...device, usedBy: [...device.usedBy], ...(heldBy === undefined ? {} : { heldBy }) };
      }),
    );
    const readers = listing.readers.map((reader) => {
      const status = statuses.get(reader.id);
      return {
        id: reader.id,
        spec: reader.spec,
        kind: reader.kind,
        ...(reader.problem === undefined ? {} : { problem: reader.problem }),
        present: reader.present,
        devices: [...reader.devices],
        ...(reader.heldBy === undefined ? {} : { heldBy: holderView(reader.heldBy) }),
        ...(status === undefined ? {} : { status }),
      };
    });
    return { serial, hid, readers, problems: [...listing.problems], listedAt: this.now().toISOString() };
  }

  /** Adds or replaces a reader; an invalid request changes nothing, and the running reader goes on. */
  async save(request: ReaderSave, officerId: string): Promise<ConfiguredReaders> {
    const current = this.options.readers.configuredReaders();
    if (request.replaces !== undefined && !current.some((reader) => reader.id === request.replaces)) {
      throw new InvalidRequestError(`no reader "${request.replaces}" is configured`);
    }
    const others = current.filter((reader) => reader.id !== request.replaces);
    const issues = this.problemsWith(request, others);
    if (issues.length > 0) throw new FieldsRefusedError('reader not saved, the running reader is kept', issues);
    const config = { id: request.id, spec: request.spec };
    const next = request.replaces === undefined ? [...current, config] : current.map((reader) => (reader.id === request.replaces ? config : reader));
    this.writeAudited(next, {
      action: 'reader-save',
      officerId,
      at: this.now(),
      details: { readerId: request.id, replaces: request.replaces ?? null, spec: request.spec.slice(0, 200) },
    });
    await this.options.readers.apply(next, config, request.replaces);
    return { readers: next };
  }

  async remove(readerId: string, officerId: string): Promise<ConfiguredReaders> {
    const current = this.options.readers.configuredReaders();
    if (!current.some((reader) => reader.id === readerId)) throw new InvalidRequestError(`no reader "${readerId}" is configured`);
    const next = current.filter((reader) => reader.id !== readerId);
    this.writeAudited(next, { action: 'reader-remove', officerId, at: this.now(), details: { readerId } });
    await this.options.readers.remove(next, readerId);
    return { readers: next };
  }

  async testScan(request: TestScanRequest, officerId: string): Promise<TestScanResult> {
    const started = performance.now();
    const claimed = await this.options.readers.claimNextScan(request.readerId, request.timeoutSeconds * 1000);
    const waitedMs = performance.now() - started;
    const result: TestScanResult =
      claimed === null
        ? { outcome: 'timeout', readerId: request.readerId, waitedMs }
        : (() => {
            const { scan } = claimed;
            const parseStarted = performance.now();
            const mrz = parseMrz(scan.lines.join('\n'), { today: this.now() });
            const parseMs = performance.now() - parseStarted;
            return {
              outcome: 'scanned',
              readerId: scan.readerId,
              receivedAt: scan.receivedAt,
              lines: [...scan.lines],
              bytes: scan.raw.length,
              mrz,
              timings: { waitedMs, transferMs: Math.max(0, scan.monotonicMs - claimed.firstByteMs), parseMs },
            };
          })();
    this.audited({ action: 'reader-test-scan', officerId, at: this.now(), details: { readerId: request.readerId, outcome: result.outcome } }, 'the test scan is not shown');
    return result;
  }

  raw$(readerId: string, officerId: string): Observable<RawMonitorEvent> {
    return defer(() => {
      if (!this.options.readers.configuredReaders().some((reader) => reader.id === readerId)) throw new InvalidRequestError(`no reader "${readerId}" is configured`);
      this.audited({ action: 'reader-monitor', officerId, at: this.now(), details: { readerId } }, 'the raw monitor is not opened');
      const readers = this.options.readers;
      return rawMonitorEvents(readerId, readers.chunks$(readerId), () => readers.bytesReceived(readerId), this.options.rawMonitor);
    });
  }

  handlers(): Pick<RpcHandlers['methods'], 'readers.devices' | 'readers.save' | 'readers.remove' | 'readers.testScan'> & Pick<RpcHandlers['streams'], 'readers.raw'> {
    return {
      'readers.devices': () => this.devices(),
      'readers.save': (request, context) => this.save(request, signedInOfficerId(context)),
      'readers.remove': ({ id }, context) => this.remove(id, signedInOfficerId(context)),
      'readers.testScan': (request, context) => this.testScan(request, signedInOfficerId(context)),
      'readers.raw': ({ readerId }, context) => this.raw$(readerId, signedInOfficerId(context)),
    };
  }

  private get lockDir(): string | undefined {
    return this.options.lockDir;
  }

  private problemsWith(request: ReaderSave, others: readonly ReaderConfig[]): FieldIssue[] {
    const issues: FieldIssue[] = [];
    if (others.some((reader) => reader.id === request.id)) issues.push({ option: 'id', message: 'is already another reader’s id', code: 'id-taken' });
    if (request.replaces === undefined && others.length >= MAX_READERS) {
      issues.push({ option: 'id', message: `cannot be added: at most ${String(MAX_READERS)} readers`, code: 'too-many-readers', values: { max: MAX_READERS } });
    }
    const parsed = safeParseReaderSpec(request.spec);
    if (!parsed.ok) issues.push(...parsed.error.issues);
    else if (parsed.spec.kind === 'serial') {
      const path = parsed.spec.path;
      const sharing = others.find((reader) => serialPathOf(reader.spec) === path);
      // Two readers on one port would take turns stealing it; the second could never be ready.
      if (sharing !== undefined) issues.push({ option: 'path', message: `is already reader “${sharing.id}”’s port`, code: 'port-taken', values: { reader: sharing.id } });
    }
    return issues;
  }

  private writeAudited(readers: readonly ReaderConfig[], entry: AuditEntry): void {
    this.options.config?.replace(writeConfigAudited(this.options, this.options.configPath, { readers: [...readers] }, entry));
  }

  private audited(entry: AuditEntry, otherwise: string): void {
    try {
      this.options.db.transaction(() => this.options.audit.append(entry)).immediate();
    } catch (error) {
      throw new UnavailableError(`${otherwise}: it could not be audited (${error instanceof Error ? error.message : 'unknown error'})`);
    }
  }
}
