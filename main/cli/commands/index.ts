import type { Command } from '../command.js';
import { auditCommand } from './audit.js';
import { centralCommand } from './central.js';
import { contractCommand } from './contract.js';
import { devicesCommand } from './devices.js';
import { exportCommand } from './export.js';
import { keyCommand } from './key.js';
import { monitorCommand } from './monitor.js';
import { mrzCommand } from './mrz.js';
import { serveCommand } from './serve.js';
import { startCommand } from './start.js';

/** Every `sahman` command, in the order `sahman --help` lists them. */
export const commands: readonly Command[] = [startCommand, serveCommand, devicesCommand, monitorCommand, mrzCommand, exportCommand, contractCommand, keyCommand, auditCommand, centralCommand];
