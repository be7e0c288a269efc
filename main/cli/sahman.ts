#!/usr/bin/env node
import { runCli } from './cli.js';

const code = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
// Let stdout drain (a piped `sahman contract` can be large) before the exit code is set.
process.exitCode = code;
