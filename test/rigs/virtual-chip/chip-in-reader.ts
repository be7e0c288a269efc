/**
 * Puts a virtual chip (chip-process.ts) in a vpcd reader from a process of
 * its own, and takes it away again.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChipProcessOptions } from './chip-process.js';
import { untilReaderShows } from './pcscd.js';

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'chip-process.ts');
const READY_TIMEOUT_MS = 10_000;

export interface ChipInReader {
  /** Takes the chip away, and waits until pcscd shows the reader empty. */
  remove(): Promise<void>;
}

export interface ChipSetup {
  readonly mrz: ChipProcessOptions['mrz'];
  readonly files: ReadonlyMap<number, Buffer>;
  readonly maxReadLength?: number;
  readonly removeAtRead?: number;
}

export async function putChipInReader(reader: ChipProcessOptions['reader'], setup: ChipSetup): Promise<ChipInReader> {
  const options: ChipProcessOptions = { reader, mrz: setup.mrz, files: [...setup.files].map(([id, bytes]) => [id, bytes.toString('hex')] as const), ...(setup.maxReadLength === undefined ? {} : { maxReadLength: setup.maxReadLength }), ...(setup.removeAtRead === undefined ? {} : { removeAtRead: setup.removeAtRead }) };
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the virtual chip did not reach vpcd's ${reader} within ${String(READY_TIMEOUT_MS / 1000)} s`)), READY_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      if (output.includes('inserted')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the virtual chip's process ended (${String(code)}) before vpcd had it`));
    });
  });
  await untilReaderShows(reader, 'present');
  return {
    async remove() {
      child.stdin.end();
      await exited;
      await untilReaderShows(reader, 'empty');
    },
  };
}

/** Runs `work` with the chip in the reader, and takes it away afterwards whatever happened. */
export async function withChipInReader<T>(reader: ChipProcessOptions['reader'], setup: ChipSetup, work: () => Promise<T>): Promise<T> {
  const inserted = await putChipInReader(reader, setup);
  try {
    return await work();
  } finally {
    await inserted.remove();
  }
}
