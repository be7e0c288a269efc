/**
 * Real pseudo-terminals for serial-reader tests: socat links two ptys, the appliance opens `host`
 * with serialport and the test writes what a reader would send into `reader`. Killing socat is an
 * unplug; starting it again on the same links is a replug. A missing socat fails the test (with
 * what to install); it never skips it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const SOCAT = '/usr/bin/socat';
const LINK_TIMEOUT_MS = 10_000;

export interface PtyPair {
  readonly dir: string;
  /** The reader's side: the test writes reader bytes here. */
  readonly readerPath: string;
  /** The appliance's side: open this with serialport. */
  readonly hostPath: string;
  /** `serial:<hostPath>` with the given options, e.g. serialSpec('framing=stx-etx'). */
  serialSpec(options?: string): string;
  /**
   * Writes as a reader would, off the event loop: a pty holds only a few KB, and a blocking write
   * from the process that also reads the other end would wait for itself.
   */
  write(bytes: Uint8Array | string): Promise<void>;
  /** Writes now, without yielding (small frames only): for latency measured from the last byte written. */
  writeNow(bytes: Uint8Array): void;
  /** Kills socat: the appliance sees its port disconnect and the links disappear. */
  unplug(): Promise<void>;
  /** Starts socat again on the same links. */
  replug(): Promise<void>;
  /** Stops socat and removes the folder. */
  close(): Promise<void>;
}

function socatMissing(): Error {
  return new Error(`socat is not installed (${SOCAT} is missing): the serial-reader tests need real pseudo-terminals. Install it: apt-get install socat`);
}

function linkReady(link: string): boolean {
  try {
    // stat follows the link: true only once the pty it names exists.
    return statSync(link).isCharacterDevice();
  } catch {
    return false;
  }
}

async function startSocat(readerPath: string, hostPath: string): Promise<ChildProcess> {
  if (!existsSync(SOCAT)) throw socatMissing();
  // A link left by a socat killed hard would make the new one fail.
  for (const link of [readerPath, hostPath]) rmSync(link, { force: true });
  const child = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${readerPath}`, `pty,raw,echo=0,link=${hostPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    // Keep only the tail: socat -d -d is chatty and the rig may run for a long time.
    stderr = (stderr + text).slice(-4000);
  });
  const failed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? socatMissing() : error));
    child.once('exit', (code, signal) => reject(new Error(`socat exited (${String(code ?? signal)}) before its links appeared:\n${stderr}`)));
  });
  failed.catch(() => undefined);
  const started = performance.now();
  while (!(linkReady(readerPath) && linkReady(hostPath))) {
    if (performance.now() - started > LINK_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`socat's links did not appear within ${String(LINK_TIMEOUT_MS)} ms:\n${stderr}`);
    }
    await Promise.race([new Promise((resolve) => setTimeout(resolve, 5)), failed]);
  }
  child.removeAllListeners('exit');
  child.removeAllListeners('error');
  child.on('error', () => undefined);
  return child;
}

function stopSocat(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts socat on two linked ptys in a fresh folder (or `dir`). */
export async function startPtyPair(dir: string = mkdtempSync(path.join(os.tmpdir(), 'sahman-pty-'))): Promise<PtyPair> {
  const readerPath = path.join(dir, 'reader');
  const hostPath = path.join(dir, 'host');
  let socat: ChildProcess | null = await startSocat(readerPath, hostPath);
  let writer: FileHandle | null = null;
  let nowFd: number | null = null;
  let writes: Promise<void> = Promise.resolve();

  const closeWriters = async (): Promise<void> => {
    await writes.catch(() => undefined);
    const handle = writer;
    writer = null;
    await handle?.close().catch(() => undefined);
    if (nowFd !== null) closeSync(nowFd);
    nowFd = null;
  };

  return {
    dir,
    readerPath,
    hostPath,
    serialSpec: (options = '') => `serial:${hostPath}${options === '' ? '' : `?${options}`}`,
    write(bytes) {
      const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
      writes = writes.then(async () => {
        writer ??= await open(readerPath, constants.O_RDWR | constants.O_NOCTTY);
        let offset = 0;
        while (offset < buffer.length) offset += (await writer.write(buffer, offset)).bytesWritten;
      });
      return writes;
    },
    writeNow(bytes) {
      nowFd ??= openSync(readerPath, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(nowFd, bytes, offset);
    },
    async unplug() {
      await closeWriters();
      if (socat !== null) await stopSocat(socat);
      socat = null;
      for (const link of [readerPath, hostPath]) {
        try {
          unlinkSync(link);
        } catch {
          // socat removed it, as it does on SIGTERM.
        }
      }
    },
    async replug() {
      if (socat !== null) throw new Error('replug without unplug');
      socat = await startSocat(readerPath, hostPath);
    },
    async close() {
      await closeWriters();
      if (socat !== null) await stopSocat(socat);
      socat = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
