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
  }

  /** A sonic-boom stream that rolls its file. */
  interface RollingFileStream {
    write(chunk: string): boolean;
    on(event: 'error', listener: (error: Error) => void): this;
    flushSync(): void;
    end(): void;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingFileStream>;
}
