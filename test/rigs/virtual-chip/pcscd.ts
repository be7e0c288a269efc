/**
 * pcscd with vpcd, the PC/SC stack the chip tests read through. `.ci/run`
 * starts it; a developer's `npm test` finds it started here if it is not.
 * Missing packages fail the test with what to install; it never skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const PCSCD = '/usr/sbin/pcscd';
const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
const SOCKET = '/run/pcscd/pcscd.comm';
const PID_FILE = '/run/pcscd/pcscd.pid';
const START_TIMEOUT_MS = 10_000;

function running(): boolean {
  if (!existsSync(SOCKET) || !existsSync(PID_FILE)) return false;
  // pcscd writes its pid with a newline and a NUL after it.
  const pid = Number.parseInt(readFileSync(PID_FILE, 'utf8'), 10);
  if (!Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function ensurePcscd(): Promise<void> {
  if (!existsSync(PCSCD)) throw new Error(`pcscd is not installed (${PCSCD} is missing): the chip tests read through a real PC/SC stack. Install it: apt-get install pcscd vsmartcard-vpcd libpcsclite-dev`);
  if (!existsSync(VPCD_DRIVER)) throw new Error(`vpcd is not installed (${VPCD_DRIVER} is missing): the chip tests put a virtual chip in it. Install it: apt-get install vsmartcard-vpcd`);
  if (running()) return;
  // A daemon killed hard leaves these behind, and a new one refuses to start beside them.
  rmSync(SOCKET, { force: true });
  rmSync(PID_FILE, { force: true });
  const started = spawnSync(PCSCD, [], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`pcscd did not start (exit ${String(started.status)}): ${started.stderr}`);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!running()) {
    if (Date.now() > deadline) throw new Error(`pcscd started but ${SOCKET} did not appear within ${String(START_TIMEOUT_MS / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until pcscd shows a card in the reader, or none: it notices vpcd's a poll later. */
export async function untilReaderShows(reader: string, card: 'present' | 'empty'): Promise<void> {
  const { Context, SCARD_STATE_PRESENT } = await import('smartcard');
  const context = new Context();
  try {
    const deadline = Date.now() + 10_000;
    const present = (): boolean => ((context.listReaders().find((candidate) => candidate.name === reader)?.state ?? 0) & SCARD_STATE_PRESENT) !== 0;
    while (present() !== (card === 'present')) {
      if (Date.now() > deadline) throw new Error(`${reader} still does not show ${card === 'present' ? 'the card put in it' : 'the card taken away as gone'} after 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    context.close();
  }
}
