import { open, type FileHandle } from 'node:fs/promises';
import { chunkLine, eventLine, type CaptureHeader } from './capture-format.js';

/**
 * Writes a capture as it happens. A capture holds what the reader read, which is personal data:
 * the file is created for its owner only, and never over an existing one.
 */
export class CaptureWriter {
  private pending: Promise<unknown> = Promise.resolve();
  private failure: Error | null = null;
  private headerWritten = false;

  private constructor(
    private readonly file: FileHandle,
    private readonly originMs: number,
  ) {}

  /**
   * Creates the file, refusing to overwrite one; `originMs` is the monotonic time t=0 stands for.
   * The header follows once the session's decoding is known (writeHeader), before any chunk.
   */
  static async create(path: string, originMs: number): Promise<CaptureWriter> {
    return new CaptureWriter(await open(path, 'wx', 0o600), originMs);
  }

  get hasHeader(): boolean {
    return this.headerWritten;
  }

  writeHeader(header: CaptureHeader): void {
    if (this.headerWritten) return;
    this.headerWritten = true;
    this.append(JSON.stringify(header));
  }

  chunk(bytes: Uint8Array, monotonicMs: number): void {
    this.append(chunkLine(Math.max(0, monotonicMs - this.originMs), bytes));
  }

  event(event: 'disconnected' | 'connected', monotonicMs: number): void {
    this.append(eventLine(Math.max(0, monotonicMs - this.originMs), event));
  }

  /** Flushes what is queued and closes; rejects if any write failed (a full disk). */
  async close(): Promise<void> {
    await this.pending;
    await this.file.sync().catch(() => undefined);
    await this.file.close();
    if (this.failure !== null) throw this.failure;
  }

  private append(line: string): void {
    // Writes are chained so that lines keep their order without blocking the reader.
    this.pending = this.pending.then(() =>
      this.file.write(`${line}\n`).catch((error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error('capture write failed');
      }),
    );
  }
}
