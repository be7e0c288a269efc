import { existsSync } from 'node:fs';
import path from 'node:path';
import { describeHolder, listDevices, type DeviceListing, type ListDevicesOptions } from '../../../drivers/index.js';
import { ConfigError } from '../../core/config/config-error.js';
import { CONFIG_FILE_NAME, loadConfigFile } from '../../core/config/config-file.js';
import { ExitCode, type CliIo, type Command } from '../command.js';
import { defaultDataDir } from '../default-data-dir.js';
import { parseCommandArgs } from '../parse-args.js';

export interface ConfiguredReaders {
  readonly readers: readonly { readonly id: string; readonly spec: string }[];
  /** The config file read, or null when there was none (nothing is written: these commands only look). */
  readonly configPath: string | null;
}

/**
 * The readers listed in the config file. A missing default config means none are configured; an
 * explicit --config that is missing, or an invalid file, is a ConfigError (exit 78).
 */
export function configuredReaders(values: { readonly data?: string | undefined; readonly config?: string | undefined }): ConfiguredReaders {
  const explicit = values.config !== undefined;
  const configPath = explicit ? path.resolve(values.config ?? '') : path.join(path.resolve(values.data ?? defaultDataDir()), CONFIG_FILE_NAME);
  if (!existsSync(configPath)) {
    if (explicit) throw new ConfigError(`the config file ${configPath} does not exist`);
    return { readers: [], configPath: null };
  }
  return { readers: loadConfigFile(configPath).config.readers, configPath };
}

function usb(vendorId: string | undefined, productId: string | undefined): string {
  return vendorId === undefined || productId === undefined ? '' : `${vendorId}:${productId}`;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, cell.length)));
  return rows.map((row) => `  ${row.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd()}`);
}

export function formatListing(listing: DeviceListing, configPath: string | null): string {
  const used = (ids: readonly string[]): string => (ids.length === 0 ? '' : `used by ${ids.join(', ')}`);
  const lines: string[] = ['Serial ports'];
  if (listing.serial.length === 0) lines.push('  (none listed; ptys are not listed, see the configured readers)');
  lines.push(...table(listing.serial.map((port) => [port.path, usb(port.vendorId, port.productId), port.manufacturer ?? '', port.serialNumber === undefined ? '' : `serial ${port.serialNumber}`, used(port.usedBy)])));
  lines.push('', 'HID devices');
  if (listing.hid.length === 0) lines.push('  (none found)');
  lines.push(
    ...table(
      listing.hid.map((device) => [
        device.path,
        usb(device.vendorId, device.productId),
        `interface ${String(device.interfaceNumber)}`,
        device.usagePage === undefined ? '' : `usage page ${device.usagePage}`,
        [device.manufacturer, device.product].filter((part) => part !== undefined).join(' '),
        used(device.usedBy),
      ]),
    ),
  );
  lines.push('', configPath === null ? 'Configured readers (no config file yet)' : `Configured readers (${configPath})`);
  if (listing.readers.length === 0) lines.push('  (none)');
  lines.push(
    ...table(
      listing.readers.map((reader) => {
        let state: string;
        if (reader.problem !== undefined) state = `unusable: ${reader.problem}`;
        else if (!reader.present) state = 'absent';
        else state = reader.devices.length > 0 ? `present (${reader.devices.join(', ')})` : 'present';
        return [reader.id, reader.spec, state, reader.heldBy === undefined ? '' : `held by ${describeHolder(reader.heldBy)}`];
      }),
    ),
  );
  return `${lines.join('\n')}\n`;
}

export interface DevicesOptions {
  readonly json: boolean;
  readonly data?: string;
  readonly config?: string;
  /** Injected enumeration (tests); the real buses by default. */
  readonly enumeration?: ListDevicesOptions;
}

export async function devices(options: DevicesOptions, io: CliIo): Promise<number> {
  let configured: ConfiguredReaders;
  try {
    configured = configuredReaders(options);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`sahman: ${error.message}\n`);
      return ExitCode.config;
    }
    throw error;
  }
  const listing = await listDevices(configured.readers, options.enumeration ?? {});
  if (options.json) io.stdout.write(`${JSON.stringify({ ...listing, configPath: configured.configPath }, null, 2)}\n`);
  else io.stdout.write(formatListing(listing, configured.configPath));
  for (const problem of listing.problems) io.stderr.write(`sahman devices: ${problem}\n`);
  return ExitCode.ok;
}

export const devicesCommand: Command = {
  name: 'devices',
  usage: `Usage: sahman devices [--json] [--data DIR] [--config FILE]

Lists the serial ports and HID devices this machine sees, with their USB vendor
and product ids, and the readers configured in config.json: whether each one's
device is present, and which running appliance (or monitor) holds it. Serial
ports that the OS does not list (pseudo-terminals) appear under their reader.

  --json          one JSON document instead of the tables
  --data DIR      data folder whose config.json to read (default: $SAHMAN_DATA or ~/.local/share/sahman)
  --config FILE   config file to read instead (nothing is written either way)`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      data: { type: 'string' },
      config: { type: 'string' },
    });
    return devices(
      {
        json: values.json === true,
        ...(values.data === undefined ? {} : { data: values.data }),
        ...(values.config === undefined ? {} : { config: values.config }),
      },
      io,
    );
  },
};
