import { realpath } from 'node:fs/promises';
import type { BindingInterface, PortInfo } from '@serialport/bindings-cpp';
import { defaultLockDir, findPortHolder, type PortHolder } from '../ownership/port-ownership.js';
import { safeParseReaderSpec, type ReaderKind } from '../spec/reader-spec.js';
import { nodeHidBackend, type HidBackend } from '../transports/hid-backend.js';
import { matchesHidSpec } from '../transports/hid-transport.js';
import { describeBusFailure } from '../system/system-dependencies.js';
import { pathExists } from './path-exists.js';

export interface SerialDevice {
  readonly path: string;
  /** Four hex digits, as lsusb prints them. */
  readonly vendorId?: string;
  readonly productId?: string;
  readonly manufacturer?: string;
  readonly serialNumber?: string;
  /** Ids of configured readers that use this port. */
  readonly usedBy: readonly string[];
}

export interface HidDevice {
  readonly path: string;
  readonly vendorId: string;
  readonly productId: string;
  readonly interfaceNumber: number;
  readonly usagePage?: string;
  readonly usage?: string;
  readonly manufacturer?: string;
  readonly product?: string;
  readonly serialNumber?: string;
  readonly usedBy: readonly string[];
}

export interface ConfiguredReader {
  readonly id: string;
  readonly spec: string;
  readonly kind: ReaderKind | null;
  /** Why the spec cannot be used, when it cannot. */
  readonly problem?: string;
  readonly present: boolean;
  /** The device paths (or file) this reader would open now. */
  readonly devices: readonly string[];
  /** The live process holding its device, if any. */
  readonly heldBy?: PortHolder;
}

export interface DeviceListing {
  readonly serial: readonly SerialDevice[];
  readonly hid: readonly HidDevice[];
  readonly readers: readonly ConfiguredReader[];
  /** Buses that could not be enumerated, and why. */
  readonly problems: readonly string[];
}

export interface ListDevicesOptions {
  /** How serial ports are enumerated; the platform's binding (udevadm on Linux) by default. */
  readonly serialLister?: () => Promise<PortInfo[]>;
  readonly hidBackend?: HidBackend;
  readonly lockDir?: string;
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

function normaliseUsbId(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value.toLowerCase().padStart(4, '0');
}


async function resolved(path: string): Promise<string> {
  return realpath(path).catch(() => path);
}

async function platformSerialPorts(): Promise<PortInfo[]> {
  const binding: BindingInterface = (await import('@serialport/bindings-cpp')).autoDetect();
  return binding.list();
}

/**
 * Serial ports and HID devices on this machine, and which configured reader uses each. Ptys and
 * other ports the OS does not list still appear under the reader configured for them. Whole-bus
 * enumeration is slow: this is for `sahman devices` and discovery, not for polling.
 */
export async function listDevices(configured: readonly { readonly id: string; readonly spec: string }[], options: ListDevicesOptions = {}): Promise<DeviceListing> {
  const problems: string[] = [];
  let serialPorts: PortInfo[] = [];
  try {
    serialPorts = await (options.serialLister ?? platformSerialPorts)();
  } catch (error) {
    problems.push(describeBusFailure('serial ports', error));
  }
  let hidDevices: Awaited<ReturnType<HidBackend['devices']>> = [];
  try {
    hidDevices = await (options.hidBackend ?? nodeHidBackend()).devices();
  } catch (error) {
    problems.push(describeBusFailure('HID devices', error));
  }

  const lockDir = options.lockDir ?? defaultLockDir();
  const serialReal = await Promise.all(serialPorts.map((port) => resolved(port.path)));
  const serialUsers = new Map<number, string[]>();
  const hidUsers = new Map<number, string[]>();
  const readers: ConfiguredReader[] = [];

  for (const entry of configured) {
    const parsed = safeParseReaderSpec(entry.spec);
    if (!parsed.ok) {
      readers.push({ id: entry.id, spec: entry.spec, kind: null, problem: parsed.error.message, present: false, devices: [] });
      continue;
    }
    const spec = parsed.spec;
    switch (spec.kind) {
      case 'serial': {
        const present = await pathExists(spec.path);
        const real = await resolved(spec.path);
        serialReal.forEach((path, index) => {
          if (path === real) serialUsers.set(index, [...(serialUsers.get(index) ?? []), entry.id]);
        });
        const heldBy = present ? await findPortHolder(lockDir, real) : null;
        readers.push({ id: entry.id, spec: entry.spec, kind: spec.kind, present, devices: present ? [spec.path] : [], ...(heldBy === null ? {} : { heldBy }) });
        break;
      }
      case 'hid': {
        const matches: string[] = [];
        hidDevices.forEach((device, index) => {
          if (!matchesHidSpec(spec, device)) return;
          matches.push(device.path);
          hidUsers.set(index, [...(hidUsers.get(index) ?? []), entry.id]);
        });
        const first = matches[0];
        const heldBy = first === undefined ? null : await findPortHolder(lockDir, `hid:${first}`);
        readers.push({ id: entry.id, spec: entry.spec, kind: spec.kind, present: matches.length > 0, devices: matches, ...(heldBy === null ? {} : { heldBy }) });
        break;
      }
      case 'sim':
        readers.push({ id: entry.id, spec: entry.spec, kind: spec.kind, present: true, devices: [] });
        break;
      case 'replay': {
        const present = await pathExists(spec.file);
        readers.push({ id: entry.id, spec: entry.spec, kind: spec.kind, present, devices: present ? [spec.file] : [] });
        break;
      }
    }
  }

  const serial: SerialDevice[] = serialPorts.map((port, index) => {
    const vendorId = normaliseUsbId(port.vendorId);
    const productId = normaliseUsbId(port.productId);
    return {
      path: port.path,
      ...(vendorId === undefined ? {} : { vendorId }),
      ...(productId === undefined ? {} : { productId }),
      ...(port.manufacturer === undefined ? {} : { manufacturer: port.manufacturer }),
      ...(port.serialNumber === undefined ? {} : { serialNumber: port.serialNumber }),
      usedBy: serialUsers.get(index) ?? [],
    };
  });
  const hid: HidDevice[] = hidDevices.map((device, index) => ({
    path: device.path,
    vendorId: hex4(device.vendorId),
    productId: hex4(device.productId),
    interfaceNumber: device.interfaceNumber,
    ...(device.usagePage === undefined ? {} : { usagePage: `0x${hex4(device.usagePage)}` }),
    ...(device.usage === undefined ? {} : { usage: `0x${hex4(device.usage)}` }),
    ...(device.manufacturer === undefined ? {} : { manufacturer: device.manufacturer }),
    ...(device.product === undefined ? {} : { product: device.product }),
    ...(device.serialNumber === undefined ? {} : { serialNumber: device.serialNumber }),
    usedBy: hidUsers.get(index) ?? [],
  }));
  return { serial, hid, readers, problems };
}
