import { MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron';
import { logShell } from '../log.js';
import type { PortPair, SpawnCore } from './core-supervisor.js';

/**
 * Starts the core in an Electron utility process, so SQLite and serial I/O
 * never block the main process. No `cwd` option: the entry may live inside
 * app.asar, which cannot be a working directory.
 */
export function spawnCoreInUtilityProcess(entryPath: string, args: readonly string[]): SpawnCore<MessagePortMain> {
  return (events) => {
    const child = utilityProcess.fork(entryPath, [...args], { serviceName: 'Sahman core', stdio: 'pipe' });
    // The core's pino logs go on to the shell's own streams; an unread pipe would eventually block the core.
    child.stdout?.pipe(process.stdout, { end: false });
    child.stderr?.pipe(process.stderr, { end: false });
    child.on('message', (message: unknown) => {
      events.onMessage(message);
    });
    child.on('error', (type, location) => {
      logShell('error', 'the core hit a fatal V8 error', { type, location });
    });
    child.on('exit', (code) => {
      events.onExit(code);
    });
    return {
      postMessage: (message, transfer) => {
        child.postMessage(message, transfer);
      },
      kill: () => {
        child.kill();
      },
    };
  };
}

export function createMessagePortPair(): PortPair<MessagePortMain> {
  const { port1, port2 } = new MessageChannelMain();
  return { corePort: port1, clientPort: port2 };
}
