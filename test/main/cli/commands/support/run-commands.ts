/**
 * `sahman devices` and `sahman monitor` as a child process, through the real CLI dispatcher, for
 * tests that need real signals. (The commands are registered in the command list by the core's
 * owner; this runs them whether or not they are.)
 */
import { runCli } from '../../../../../main/cli/cli.js';
import { devicesCommand } from '../../../../../main/cli/commands/devices.js';
import { monitorCommand } from '../../../../../main/cli/commands/monitor.js';

const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }, [devicesCommand, monitorCommand]);
process.exitCode = code;
