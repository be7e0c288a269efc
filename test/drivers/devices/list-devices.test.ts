import { describe, expect, it, onTestFinished } from 'vitest';
import { listDevices } from '../../../drivers/devices/list-devices.js';
import { startPtyPair } from '../../rigs/socat.js';
import { tempDir } from '../../rigs/temp-dir.js';
import { OneDeviceBus } from '../support/fake-hid.js';
import { observeReader } from '../support/reader-harness.js';

const WAIT = { timeout: 15_000, interval: 5 };

describe('device listing', () => {
  it('lists each configured reader with its device, and the process holding it', async () => {
    const pair = await startPtyPair();
    onTestFinished(() => pair.close());
    const lockDir = tempDir();
    const holder = observeReader(pair.serialSpec(), { ownership: { lockDir, holder: { kind: 'appliance', applianceId: 'uto-lane-1' } } }, 'lane-1-passport');
    await expect.poll(() => holder.reader.status().state, WAIT).toBe('ready');
    const bus = new OneDeviceBus({ path: '/dev/hidraw7', vendorId: 0x0db5, productId: 0x0160, interfaceNumber: 1, usagePage: 0xff00, manufacturer: 'Access IS', product: 'OCR' });
    const listing = await listDevices(
      [
        { id: 'lane-1-passport', spec: pair.serialSpec() },
        { id: 'gone', spec: `serial:${pair.dir}/missing` },
        { id: 'ocr', spec: 'hid:0db5:0160?decoder=accessis' },
        { id: 'bad', spec: 'serial:/dev/ttyUSB0?parity=maybe' },
        { id: 'demo', spec: 'sim:' },
      ],
      { lockDir, hidBackend: bus.backend },
    );
    expect(listing.readers).toEqual([
      expect.objectContaining({ id: 'lane-1-passport', kind: 'serial', present: true, devices: [pair.hostPath], heldBy: expect.objectContaining({ applianceId: 'uto-lane-1', readerId: 'lane-1-passport' }) }),
      expect.objectContaining({ id: 'gone', present: false, devices: [] }),
      expect.objectContaining({ id: 'ocr', kind: 'hid', present: true, devices: ['/dev/hidraw7'] }),
      expect.objectContaining({ id: 'bad', kind: null, present: false, problem: expect.stringContaining('parity') }),
      expect.objectContaining({ id: 'demo', kind: 'sim', present: true }),
    ]);
    expect(listing.hid).toEqual([expect.objectContaining({ path: '/dev/hidraw7', vendorId: '0db5', productId: '0160', usagePage: '0xff00', usedBy: ['ocr'] })]);
    expect(Array.isArray(listing.serial)).toBe(true);
  });

  it('reports a bus it cannot enumerate as a problem, not a failure', async () => {
    const listing = await listDevices([{ id: 'demo', spec: 'sim:' }], {
      serialLister: () => Promise.resolve([{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '403', productId: '6001', serialNumber: undefined, pnpId: undefined, locationId: undefined }]),
      hidBackend: { devices: () => Promise.reject(new Error('hidapi failed')), open: () => Promise.reject(new Error('no')) },
    });
    expect(listing.problems).toEqual([expect.stringContaining('hidapi failed')]);
    expect(listing.hid).toEqual([]);
    expect(listing.serial).toEqual([expect.objectContaining({ path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001' })]);
    expect(listing.readers).toEqual([expect.objectContaining({ id: 'demo', present: true })]);
  });

  it('names the Debian package when udevadm or libusb is missing, and still lists the rest', async () => {
    const udevadmMissing = Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' });
    const libusbMissing = new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory');
    const listing = await listDevices([{ id: 'demo', spec: 'sim:' }], {
      serialLister: () => Promise.reject(udevadmMissing),
      hidBackend: { devices: () => Promise.reject(libusbMissing), open: () => Promise.reject(libusbMissing) },
    });
    expect(listing.problems).toEqual([
      'serial ports could not be listed: udevadm is missing (needed for listing serial ports); install Debian\'s udev package: apt-get install udev',
      'HID devices could not be listed: libusb-1.0.so.0 is missing (needed for HID readers); install Debian\'s libusb-1.0-0 package: apt-get install libusb-1.0-0',
    ]);
    expect(listing.readers).toEqual([expect.objectContaining({ id: 'demo', present: true })]);
  });
});
