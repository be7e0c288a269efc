import { appVersion } from '../core/app/package-root.js';
import { ExitCode, type CliIo, type CommandEntry } from './command.js';
import { commands } from './commands/index.js';
import { UsageError } from './parse-args.js';

function overview(list: readonly CommandEntry[]): string {
  const width = Math.max(...list.map((command) => command.name.length));
  const lines = list.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Sahman ${appVersion}: a data-capture appliance for border crossing points.

Usage: sahman <command> [options]
       sahman <command> --help
       sahman --version

Commands:
${lines.join('\n')}
`;
}

/** Runs `sahman` with its arguments (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo, list: readonly CommandEntry[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(overview(list));
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${appVersion}\n`);
    return ExitCode.ok;
  }
  const entry = list.find((candidate) => candidate.name === name);
  if (entry === undefined) {
    io.stderr.write(`sahman: unknown command "${name}"; \`sahman --help\` lists them\n`);
    return ExitCode.usage;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`sahman ${command.name}: ${error.message}\n${command.usage}\n`);
      return ExitCode.usage;
    }
    io.stderr.write(`sahman ${command.name}: ${error instanceof Error ? error.message : 'failed'}\n`);
    return ExitCode.failed;
  }
}
