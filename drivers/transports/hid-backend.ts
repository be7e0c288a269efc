import { readdir } from 'node:fs/promises';

/** One HID interface as the bus enumerates it. */
export interface HidDeviceInfo {
  /** What to open: /dev/hidrawN on Linux. */
  readonly path: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly interfaceNumber: number;
  readonly usagePage?: number;
  readonly usage?: number;
  readonly serialNumber?: string;
  readonly manufacturer?: string;
  readonly product?: string;
}

/** An open HID device, shaped like node-hid's HIDAsync: 'data' carries one whole input report. */
export interface HidHandle {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  close(): Promise<void>;
}

/**
 * Where HID devices come from. node-hid by default; injected so that recorded reports can be fed
 * through the very 'data' path a real device feeds (no virtual HID devices can be made here).
 */
export interface HidBackend {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

/** node-hid 3 (HIDAsync), loaded on first use so that a host without HID readers never loads it. */
export function nodeHidBackend(): HidBackend {
  const load = () => import('node-hid');
  return {
    async devices() {
      const hid = await load();
      const found = await hid.devicesAsync();
      return found.flatMap((device) =>
        device.path === undefined
          ? []
          : [
              {
                path: device.path,
                vendorId: device.vendorId,
                productId: device.productId,
                interfaceNumber: device.interface,
                ...(device.usagePage === undefined ? {} : { usagePage: device.usagePage }),
                ...(device.usage === undefined ? {} : { usage: device.usage }),
                ...(device.serialNumber === undefined ? {} : { serialNumber: device.serialNumber }),
                ...(device.manufacturer === undefined ? {} : { manufacturer: device.manufacturer }),
                ...(device.product === undefined ? {} : { product: device.product }),
              },
            ],
      );
    },
    async open(path) {
      const hid = await load();
      return hid.HIDAsync.open(path);
    },
  };
}

/** The hidraw nodes in /dev, as a cheap sign that something was plugged or unplugged. */
async function hidrawNodes(): Promise<string> {
  if (process.platform !== 'linux') return '';
  try {
    return (await readdir('/dev'))
      .filter((name) => name.startsWith('hidraw'))
      .sort()
      .join(',');
  } catch {
    return '';
  }
}

export interface HidDiscoveryOptions {
  /** Whole-bus enumeration is costly: at most this often, unless the hidraw nodes changed. */
  readonly minIntervalMs?: number;
  readonly changeHint?: () => Promise<string>;
  readonly monotonicMs?: () => number;
}

/**
 * Bus enumeration shared by every HID reader of a registry: each polls it often, it enumerates at
 * most every two seconds, and at once when the set of /dev/hidraw* nodes changes (a replug).
 */
export class HidDiscovery {
  private cache: { readonly at: number; readonly hint: string; readonly devices: HidDeviceInfo[] } | null = null;
  private inFlight: Promise<HidDeviceInfo[]> | null = null;
  private readonly minIntervalMs: number;
  private readonly changeHint: () => Promise<string>;
  private readonly monotonicMs: () => number;

  constructor(
    private readonly backend: HidBackend,
    options: HidDiscoveryOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 2000;
    this.changeHint = options.changeHint ?? hidrawNodes;
    this.monotonicMs = options.monotonicMs ?? (() => performance.now());
  }

  async devices(): Promise<HidDeviceInfo[]> {
    const hint = await this.changeHint();
    const cache = this.cache;
    if (cache !== null && cache.hint === hint && this.monotonicMs() - cache.at < this.minIntervalMs) return cache.devices;
    this.inFlight ??= this.backend
      .devices()
      .then((devices) => {
        this.cache = { at: this.monotonicMs(), hint, devices };
        return devices;
      })
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
