/**
 * The shell's few log lines, one JSON object per line on stderr like the core's
 * pino output, so a technician can read both streams the same way.
 */
export type ShellLogLevel = 'info' | 'warn' | 'error';

export type ShellLogger = (level: ShellLogLevel, message: string, fields?: Readonly<Record<string, unknown>>) => void;

function describe(value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

export const logShell: ShellLogger = (level, message, fields = {}) => {
  const entries = Object.entries(fields).map(([key, value]) => [key, describe(value)] as const);
  const line = { time: Date.now(), level, name: 'sahman-shell', msg: message, ...Object.fromEntries(entries) };
  process.stderr.write(`${JSON.stringify(line)}\n`);
};
