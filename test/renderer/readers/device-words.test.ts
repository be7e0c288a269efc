import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../../renderer/i18n/catalogues/en.js';
import type { MessageValues } from '../../../renderer/i18n/translate.js';
import { durationValues, holderText, vendorProduct } from '../../../renderer/readers/device-words.js';

/** The message id and its values, so that the words are the catalogue's business. */
const t = (id: MessageId, values?: MessageValues): string => `${id} ${JSON.stringify(values ?? {})}`;

describe('the Readers screen’s words for devices', () => {
  it('say who holds a device: this appliance, another one, a monitor, or nobody', () => {
    expect(holderText(t, undefined)).toBe('readers.free {}');
    expect(holderText(t, { kind: 'appliance', applianceId: 'uto-1', readerId: 'desk', pid: 42, hostname: 'lane1', thisAppliance: true })).toBe('readers.holder.this {"reader":"desk"}');
    // A process id is a name, not an amount: never grouped as 12,345.
    expect(holderText(t, { kind: 'appliance', applianceId: 'uto-2', readerId: 'desk', pid: 12345, hostname: 'lane2', thisAppliance: false })).toBe('readers.holder.appliance {"appliance":"uto-2","reader":"desk","pid":"12345","host":"lane2"}');
    expect(holderText(t, { kind: 'monitor', readerId: 'desk', pid: 7, hostname: 'lane1', thisAppliance: false })).toBe('readers.holder.monitor {"pid":"7","host":"lane1"}');
  });

  it('write vendor:product only when the bus says both', () => {
    expect(vendorProduct('0db5', '0160')).toBe('0db5:0160');
    expect(vendorProduct(undefined, '0160')).toBe('');
  });

  it('time a test scan in seconds from one second up, else in milliseconds', () => {
    expect(durationValues(12_345)).toEqual({ unit: 's', value: 12.3 });
    expect(durationValues(1000)).toEqual({ unit: 's', value: 1 });
    expect(durationValues(412.6)).toEqual({ unit: 'ms', value: 413 });
    expect(durationValues(0.4219)).toEqual({ unit: 'ms', value: 0.42 });
  });
});
