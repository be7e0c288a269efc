// pino-roll ships no types; this is the part of its API the logger uses.
declare module 'pino-roll' {
  interface PinoRollOptions {
    file: string | (() => string);
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    symlink?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    sync?: boolean;
    /** Passed on to sonic-boom: bytes held unwritten before new writes are dropped (a 'drop' event). */
    maxLength?: number;
  }

  /** A sonic-boom stream that rolls its file. */
  export interface RollingFileStream {
    /** True once the file is closed (end finished, or destroy); writing then throws. */
    readonly destroyed: boolean;
    write(chunk: string): boolean;
    on(event: 'error', listener: (error: Error) => void): this;
    on(event: 'drop', listener: (line: string) => void): this;
    /** After each successful write(2), with the bytes written. */
    on(event: 'write', listener: (bytes: number) => void): this;
    once(event: 'close', listener: () => void): this;
    flush(callback: (error?: Error) => void): void;
    flushSync(): void;
    /** Writes what is buffered, then closes the file ('close'). */
    end(): void;
    /** Closes the file now, dropping what is buffered. */
    destroy(): void;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingFileStream>;
}
