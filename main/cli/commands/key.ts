import path from 'node:path';
import { loadConfigFile, CONFIG_FILE_NAME } from '../../core/config/config-file.js';
import { CoreStartError } from '../../core/app/core-start-error.js';
import { loadOrCreateApplianceKey } from '../../core/keys/appliance-key.js';
import { ExitCode, type Command } from '../command.js';
import { defaultDataDir } from '../default-data-dir.js';
import { parseCommandArgs } from '../parse-args.js';

export const keyCommand: Command = {
  name: 'key',
  usage: `Usage: sahman key [--data DIR] [--json]

Prints the appliance's Ed25519 public key (32 bytes, base64), made on first start
and kept in DIR/keys with owner-only permissions. A technician registers it with
central (sahman central register-key). --json adds the appliance id and the algorithm.`,
  run(args, io) {
    const { values } = parseCommandArgs(args, { data: { type: 'string' }, json: { type: 'boolean' } });
    const dataDir = path.resolve(values.data ?? defaultDataDir());
    try {
      const { config } = loadConfigFile(path.join(dataDir, CONFIG_FILE_NAME));
      const key = loadOrCreateApplianceKey(dataDir);
      io.stdout.write(
        values.json === true
          ? `${JSON.stringify({ applianceId: config.applianceId, algorithm: 'ed25519', publicKey: key.publicKeyBase64 })}\n`
          : `${key.publicKeyBase64}\n`,
      );
      return Promise.resolve(ExitCode.ok);
    } catch (error) {
      if (!(error instanceof CoreStartError)) throw error;
      io.stderr.write(`sahman key: ${error.message}\n`);
      return Promise.resolve(ExitCode.config);
    }
  },
};
