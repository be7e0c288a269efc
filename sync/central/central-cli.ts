import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { SyncItem, DeltaKind, type DeltaChange } from '../protocol/wire.js';
import { readDocumentChange } from '../../main/common/alerts/document-change.js';
import { readPersonChange } from '../../main/common/alerts/person-change.js';
import { CentralConfigError } from './central-database.js';
import { loadOrCreateCentralKey } from './central-key.js';
import { CENTRAL_DATABASE_FILE, openCentralStore, type CentralStore } from './central-store.js';
import { PublishedChanges } from './delta-store.js';
import type { HeldItem } from './item-store.js';
import { ApplianceId, PublicKeyBase64 } from './key-registry.js';
import { DEFAULT_CENTRAL_HOST, DEFAULT_CENTRAL_PORT, startCentral, type CentralTls } from './start-central.js';
import { describeIssues } from '../../main/common/contract/describe-issues.js';
import { ExitCode } from '../../main/cli/command.js';
import { UsageError, parseCommandArgs, parsePort } from '../../main/cli/parse-args.js';

export { startCentral } from './start-central.js';
export type { CentralTls, RunningCentral, StartCentralOptions } from './start-central.js';

export interface CentralIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export interface RunCentralOptions {
  /** Stops `serve` as SIGINT/SIGTERM would; for running it in-process. */
  readonly signal?: AbortSignal;
}

export const CENTRAL_USAGE = `Usage: sahman central [serve] [--port N] [--host H] [--data DIR] [--tls-cert FILE --tls-key FILE [--tls-client-ca FILE]]
       sahman central register-key --appliance ID --key BASE64 [--data DIR]
       sahman central key [--data DIR]
       sahman central export [--appliance ID] [--rejected] [--data DIR]
       sahman central alarms [--appliance ID] [--data DIR]
       sahman central publish --kind alert-list|visa-rules|config --file FILE [--data DIR]

The reference central receiver of Sahman's sync protocol v1 (see the README).

  serve          Runs the HTTP server (https with --tls-cert/--tls-key; mutual TLS with
                 --tls-client-ca) until SIGINT or SIGTERM. Default port ${String(DEFAULT_CENTRAL_PORT)}, host ${DEFAULT_CENTRAL_HOST}.
  register-key   Trusts an appliance's Ed25519 public key (as \`sahman key\` prints it).
                 An appliance may have several keys; each starts its own sequence.
  key            Prints central's public key, which appliances pin in their config.
  export         Prints what central holds as JSON lines {applianceId, seq, kind, record},
                 by appliance, key registration and seq. --rejected prints the items
                 central rejected instead, with the reasons.
  alarms         Prints the alarms central raised, oldest first, as JSON lines
                 {raisedAt, kind, applianceId, keyId, seq, detail}: today a seq that came
                 back with different content (digest_mismatch). Ids, seqs and digests only.
  publish        Stores FILE (a JSON array of {key, value}; value null removes) as the
                 next version of an alert list, visa rules or config.

DIR defaults to ./central-data. Exit codes: 0 ok, 1 failed, 2 usage or unreadable input,
78 unusable data folder or TLS material.`;

const DEFAULT_DATA_DIR = 'central-data';

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.length === 0) throw new UsageError(`${option} is required`);
  return value;
}

function dataDirOf(value: string | undefined): string {
  return path.resolve(value ?? DEFAULT_DATA_DIR);
}

function readInput(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'}`);
  }
}

function withStore<T>(dataDir: string, use: (store: CentralStore) => T): T {
  const store = openCentralStore(dataDir);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function serve(args: readonly string[], io: CentralIo, signal: AbortSignal | undefined): Promise<number> {
  const values = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    data: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'tls-client-ca': { type: 'string' },
  }).values;
  const port = values.port === undefined ? DEFAULT_CENTRAL_PORT : parsePort(values.port);
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  if (values['tls-client-ca'] !== undefined && certFile === undefined) throw new UsageError('--tls-client-ca needs --tls-cert and --tls-key');
  let tls: CentralTls | undefined;
  if (certFile !== undefined && keyFile !== undefined) {
    const clientCa = values['tls-client-ca'];
    tls = {
      cert: readInput(certFile, 'the TLS certificate'),
      key: readInput(keyFile, 'the TLS key'),
      ...(clientCa === undefined ? {} : { clientCa: readInput(clientCa, 'the client CA') }),
    };
  }
  const central = await startCentral({
    dataDir: dataDirOf(values.data),
    port,
    host: values.host ?? DEFAULT_CENTRAL_HOST,
    ...(tls === undefined ? {} : { tls }),
    log: (line) => io.stderr.write(`${line}\n`),
  });
  io.stdout.write(`central listening on ${central.url}\ncentral public key: ${central.publicKeyBase64}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (signal?.aborted === true) stop();
    else signal?.addEventListener('abort', stop, { once: true });
  });
  await central.close();
  io.stdout.write('central stopped\n');
  return ExitCode.ok;
}

function registerKey(args: readonly string[], io: CentralIo): number {
  const values = parseCommandArgs(args, { appliance: { type: 'string' }, key: { type: 'string' }, data: { type: 'string' } }).values;
  const applianceId = ApplianceId.safeParse(required(values.appliance, '--appliance'));
  if (!applianceId.success) throw new UsageError(`--appliance: ${applianceId.error.issues[0]?.message ?? 'not an appliance id'}`);
  const publicKey = PublicKeyBase64.safeParse(required(values.key, '--key'));
  if (!publicKey.success) throw new UsageError(`--key: ${publicKey.error.issues[0]?.message ?? 'not an Ed25519 public key'}`);
  const { key, added } = withStore(dataDirOf(values.data), (store) => store.keys.register(applianceId.data, publicKey.data, new Date()));
  io.stdout.write(`${added ? 'registered' : 'already registered:'} key ${key.keyId} for appliance ${key.applianceId}\n`);
  return ExitCode.ok;
}

function printKey(args: readonly string[], io: CentralIo): number {
  const values = parseCommandArgs(args, { data: { type: 'string' } }).values;
  io.stdout.write(`${loadOrCreateCentralKey(dataDirOf(values.data)).publicKeyBase64}\n`);
  return ExitCode.ok;
}

/** A kept item as `{applianceId, seq, kind, record}`; a rejected one with its key, reason and the item as received. */
function exportLine(held: HeldItem): object {
  if (held.rejectedReason === null) {
    const item = SyncItem.parse(JSON.parse(held.item));
    return { applianceId: held.applianceId, seq: held.seq, kind: item.kind, record: item.record };
  }
  return { applianceId: held.applianceId, keyId: held.keyId, seq: held.seq, kind: held.kind, reason: held.rejectedReason, item: JSON.parse(held.item) as unknown };
}

/** A folder that holds a central's data: reading from a mistyped one must not quietly make an empty central there. */
function existingDataDir(value: string | undefined): string {
  const dataDir = dataDirOf(value);
  if (!existsSync(path.join(dataDir, CENTRAL_DATABASE_FILE))) throw new UsageError(`no central data in ${dataDir}`);
  return dataDir;
}

async function exportHeld(args: readonly string[], io: CentralIo): Promise<number> {
  const values = parseCommandArgs(args, { data: { type: 'string' }, appliance: { type: 'string' }, rejected: { type: 'boolean' } }).values;
  const store = openCentralStore(existingDataDir(values.data));
  try {
    for (const held of store.items.held({ applianceId: values.appliance, rejected: values.rejected === true })) {
      await write(io.stdout, `${JSON.stringify(exportLine(held))}\n`);
    }
  } finally {
    store.close();
  }
  return ExitCode.ok;
}

async function printAlarms(args: readonly string[], io: CentralIo): Promise<number> {
  const values = parseCommandArgs(args, { data: { type: 'string' }, appliance: { type: 'string' } }).values;
  const alarms = withStore(existingDataDir(values.data), (store) => store.alarms.list());
  for (const alarm of alarms) {
    if (values.appliance === undefined || alarm.applianceId === values.appliance) await write(io.stdout, `${JSON.stringify(alarm)}\n`);
  }
  return ExitCode.ok;
}

/**
 * Listed documents are checked here as the appliances will check them, so that
 * an operator hears of a bad entry at once rather than from every lane's alarm.
 */
function checkDocumentChanges(file: string, changes: readonly DeltaChange[]): void {
  for (const [index, change] of changes.entries()) {
    const read = readDocumentChange(change);
    if (read.ok) continue;
    const where = `${file}: change ${String(index + 1)} (${change.key.slice(0, 40)})`;
    const why =
      read.problem === 'not-an-id'
        ? "a removal's key must be an entry id, STATE:NUMBER:TYPE"
        : read.problem === 'invalid'
          ? describeIssues(read.error, { maxIssues: 2 })
          : `the key must be the entry's id, ${read.ownId}`;
    throw new UsageError(`${where}: ${why}`);
  }
}

/** Listed persons likewise: each filed under its own id, in the shape the appliances read. */
function checkPersonChanges(file: string, changes: readonly DeltaChange[]): void {
  for (const [index, change] of changes.entries()) {
    const read = readPersonChange(change);
    if (read.ok) continue;
    const why = read.problem === 'invalid' ? describeIssues(read.error, { maxIssues: 2 }) : `the key must be the entry's id, ${read.ownId}`;
    throw new UsageError(`${file}: change ${String(index + 1)} (${change.key.slice(0, 40)}): ${why}`);
  }
}

function publish(args: readonly string[], io: CentralIo): number {
  const values = parseCommandArgs(args, { kind: { type: 'string' }, file: { type: 'string' }, data: { type: 'string' } }).values;
  const kind = DeltaKind.safeParse(required(values.kind, '--kind'));
  if (!kind.success) throw new UsageError(`--kind takes ${DeltaKind.options.join(', ')}`);
  const file = required(values.file, '--file');
  let json: unknown;
  try {
    json = JSON.parse(readInput(file, 'the changes file').toString('utf8'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file} is not valid JSON`);
  }
  const changes = PublishedChanges.safeParse(json);
  if (!changes.success) {
    throw new UsageError(`${file}: ${describeIssues(changes.error, { whole: '(top)', maxIssues: 1 })}`);
  }
  if (kind.data === 'document-list') checkDocumentChanges(file, changes.data);
  if (kind.data === 'person-list') checkPersonChanges(file, changes.data);
  const version = withStore(dataDirOf(values.data), (store) => store.deltas.publish(kind.data, changes.data, new Date()));
  io.stdout.write(`published ${kind.data} version ${String(version)} (${String(changes.data.length)} changes)\n`);
  return ExitCode.ok;
}

const SUBCOMMANDS = ['serve', 'register-key', 'key', 'export', 'alarms', 'publish'] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

function isSubcommand(word: string): word is Subcommand {
  return (SUBCOMMANDS as readonly string[]).includes(word);
}

/**
 * `sahman central …`: the main CLI loads this module only when asked, so the
 * receiver stays out of the kiosk bundle. Resolves to the exit code; never
 * throws, and never prints a stack.
 */
export async function runCentral(args: readonly string[], io: CentralIo, options: RunCentralOptions = {}): Promise<number> {
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    io.stdout.write(`${CENTRAL_USAGE}\n`);
    return ExitCode.ok;
  }
  const [first, ...after] = args;
  let name: Subcommand = 'serve';
  let rest = args;
  if (first !== undefined && !first.startsWith('-')) {
    if (!isSubcommand(first)) {
      io.stderr.write(`sahman central: unknown subcommand "${first}"; \`sahman central --help\` lists them\n`);
      return ExitCode.usage;
    }
    name = first;
    rest = after;
  }
  try {
    switch (name) {
      case 'serve':
        return await serve(rest, io, options.signal);
      case 'register-key':
        return registerKey(rest, io);
      case 'key':
        return printKey(rest, io);
      case 'export':
        return await exportHeld(rest, io);
      case 'alarms':
        return await printAlarms(rest, io);
      case 'publish':
        return publish(rest, io);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.name : 'failed';
    io.stderr.write(`sahman central ${name}: ${message}\n`);
    if (error instanceof UsageError) return ExitCode.usage;
    if (error instanceof CentralConfigError) return ExitCode.config;
    return ExitCode.failed;
  }
}
