import { contractAsJsonSchema } from '../../common/contract/json-schema.js';
import { ExitCode, type Command } from '../command.js';
import { parseCommandArgs } from '../parse-args.js';

export const contractCommand: Command = {
  name: 'contract',
  usage: `Usage: sahman contract

Prints every RPC method, event stream, wire message and error code as one JSON
document of JSON Schemas (draft 2020-12), generated from the zod schemas the core enforces.`,
  run(args, io) {
    parseCommandArgs(args, {});
    io.stdout.write(`${JSON.stringify(contractAsJsonSchema(), null, 2)}\n`);
    return Promise.resolve(ExitCode.ok);
  },
};
