/**
 * `sahman` as a child process run from the sources, through the real CLI dispatcher and command
 * list, for tests that need real signals without a build.
 */
import { runCli } from '../../../../../main/cli/cli.js';

const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
