/**
 * Entry of the core when Electron runs it in a utilityProcess. The Electron
 * main process sends one `connect` message per window, carrying a MessagePort;
 * the RPC runs over that port as JSON text, exactly as over a WebSocket.
 *
 * Electron's types are not imported: the core is plain Node and must load
 * without Electron, so the few shapes it uses are described here.
 */
import { parseArgs } from 'node:util';
import { CoreHostToCoreMessage, type CoreToCoreHostMessage } from '../../../common/contract/core-bridge.js';
import { startCore, type Core } from '../../app/core.js';
import { CoreStartError } from '../../app/core-start-error.js';
import { servePort, type PortMessage } from './port-flow.js';

interface ParentPortLike {
  on(event: 'message', listener: (message: PortMessage) => void): void;
  postMessage(message: unknown): void;
}

const EXIT_CONFIG = 78;

/** The lifecycle contract caps a reason's length; a longer one would be dropped by the shell. */
const MAX_REASON_LENGTH = 2000;

function tell(parent: ParentPortLike, message: CoreToCoreHostMessage): void {
  parent.postMessage(message.type === 'fatal' ? { ...message, reason: message.reason.slice(0, MAX_REASON_LENGTH) } : message);
}

async function main(): Promise<void> {
  // Read without Electron's global typing, which claims parentPort always exists.
  const parent = Reflect.get(process, 'parentPort') as ParentPortLike | undefined;
  if (parent === undefined) {
    process.stderr.write('core-process.js runs inside an Electron utilityProcess; use `sahman serve` under plain Node\n');
    process.exit(2);
  }
  const { values } = parseArgs({
    options: { data: { type: 'string' }, config: { type: 'string' } },
    strict: true,
  });
  if (values.data === undefined) {
    tell(parent, { type: 'fatal', reason: 'the core was started without --data' });
    process.exit(2);
  }
  let core: Core;
  try {
    core = await startCore({
      dataDir: values.data,
      host: 'electron',
      ...(values.config === undefined ? {} : { configPath: values.config }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the core could not start';
    tell(parent, { type: 'fatal', reason });
    process.exit(error instanceof CoreStartError ? EXIT_CONFIG : 1);
  }
  parent.on('message', (message) => {
    const parsed = CoreHostToCoreMessage.safeParse(message.data);
    const port = message.ports[0];
    if (!parsed.success || port === undefined) {
      core.log.warn('ignored a malformed message from the Electron main process');
      return;
    }
    servePort((connection) => core.openSession(connection), port, `port-${parsed.data.clientId}`, core.log);
  });
  const stop = (): void => {
    void core.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  tell(parent, { type: 'ready' });
}

await main();
