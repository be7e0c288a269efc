import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CentralSettings } from '../../../main/common/contract/central-settings.js';
import {
  DEADLINE_MAX,
  DEADLINE_MIN,
  SETTINGS_FIELDS,
  deadlineOf,
  fieldOfOption,
  fieldsFromSettings,
  maxLengthOf,
  settingsFromFields,
  type CentralSettingsFields,
} from '../../../renderer/central-link/central-settings-fields.js';

const OPTIONAL = ['publicKey', 'caFile', 'clientCertFile', 'clientKeyFile'] as const;

const filled: CentralSettingsFields = {
  url: 'https://central.example.am/',
  publicKey: 'q3VJ0cZ1dKcWmH8lJp2tq5A3s1Y9cG0pQ3e4b5n6m7o=',
  caFile: 'tls/ca.pem',
  clientCertFile: 'tls/lane.pem',
  clientKeyFile: 'tls/lane.key',
  deliveryDeadlineMinutes: '15',
};

/** Text as a technician could leave it in a field: Armenian and Cyrillic letters, spaces around it, or nothing at all. */
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom(' ', '\t', 'ա', 'Ж', '/', '.', '='), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 40 });
const anyFields: fc.Arbitrary<CentralSettingsFields> = fc.record({
  url: anyText,
  publicKey: anyText,
  caFile: anyText,
  clientCertFile: anyText,
  clientKeyFile: anyText,
  deliveryDeadlineMinutes: fc.oneof(fc.integer({ min: -5, max: DEADLINE_MAX + 5 }).map(String), anyText),
});

/** Settings as the core answers them: text with nothing to trim, an optional field either absent or not empty. */
const trimmedText = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() === text && text !== '');
const anySettings: fc.Arbitrary<CentralSettings> = fc.record(
  {
    url: trimmedText,
    publicKey: trimmedText,
    caFile: trimmedText,
    clientCertFile: trimmedText,
    clientKeyFile: trimmedText,
    deliveryDeadlineMinutes: fc.integer({ min: DEADLINE_MIN, max: DEADLINE_MAX }),
  },
  { requiredKeys: ['url', 'deliveryDeadlineMinutes'], noNullPrototype: true },
);

describe("the Settings form's fields of central.saveSettings", () => {
  it('are the settings of the contract, in the order the form shows them', () => {
    expect(SETTINGS_FIELDS).toEqual(['url', 'publicKey', 'caFile', 'clientCertFile', 'clientKeyFile', 'deliveryDeadlineMinutes']);
    expect([...SETTINGS_FIELDS].sort()).toEqual(Object.keys(CentralSettings.shape).sort());
  });

  it('come back as the settings the core answered, field for field', () => {
    fc.assert(
      fc.property(anySettings, (settings) => {
        expect(settingsFromFields(fieldsFromSettings(settings))).toStrictEqual(settings);
      }),
    );
  });

  it('send an empty optional field as absent, not as an empty string', () => {
    const params = settingsFromFields({ ...filled, publicKey: '', caFile: '   ', clientCertFile: '', clientKeyFile: '\t' });
    expect(params).toStrictEqual({ url: 'https://central.example.am/', deliveryDeadlineMinutes: 15 });
    for (const key of OPTIONAL) expect(Object.hasOwn(params ?? {}, key), key).toBe(false);
    expect(JSON.stringify(params)).toBe('{"url":"https://central.example.am/","deliveryDeadlineMinutes":15}');
  });

  it('trim what was typed around the text, and keep what is inside it', () => {
    expect(settingsFromFields({ ...filled, url: '  https://central.example.am/ ', caFile: ' my ca.pem\n', deliveryDeadlineMinutes: ' 30 ' })).toStrictEqual({
      ...filled,
      url: 'https://central.example.am/',
      caFile: 'my ca.pem',
      deliveryDeadlineMinutes: 30,
    });
  });

  it("are always params the contract takes, or nothing when the deadline is not one (the form's only check of its own)", () => {
    fc.assert(
      fc.property(anyFields, (fields) => {
        const params = settingsFromFields(fields);
        if (deadlineOf(fields.deliveryDeadlineMinutes) === undefined) expect(params).toBeUndefined();
        else expect(CentralSettings.safeParse(params).success).toBe(true);
      }),
    );
  });
});

describe('the delivery deadline as typed', () => {
  it('is whole minutes in the range of the contract', () => {
    expect([DEADLINE_MIN, DEADLINE_MAX]).toEqual([1, 10_080]);
    expect(deadlineOf('1')).toBe(1);
    expect(deadlineOf('15')).toBe(15);
    expect(deadlineOf(' 60 ')).toBe(60);
    expect(deadlineOf('010')).toBe(10);
    expect(deadlineOf('10080')).toBe(10_080);
  });

  it('is nothing when it is not a number of minutes the contract takes', () => {
    for (const text of ['', ' ', '0', '10081', '-5', '+5', '1.5', '1,5', '1e3', '0x10', 'fifteen', '١٥', '15 min', '9999999999']) expect(deadlineOf(text), JSON.stringify(text)).toBeUndefined();
  });
});

describe("the core's problems by option", () => {
  it('are placed beside the field of the same name', () => {
    for (const field of SETTINGS_FIELDS) expect(fieldOfOption(field)).toBe(field);
  });

  it('are left to the summary when no field has that name', () => {
    for (const option of ['', 'central', 'toString', 'constructor', 'URL']) expect(fieldOfOption(option), option).toBeUndefined();
  });
});

describe('the longest text a field takes', () => {
  it("is the contract's, so that the input stops what the request's schema would refuse as a whole", () => {
    expect(maxLengthOf('url')).toBe(2000);
    expect(maxLengthOf('publicKey')).toBe(200);
    for (const field of ['caFile', 'clientCertFile', 'clientKeyFile'] as const) expect(maxLengthOf(field)).toBe(1000);
    expect(maxLengthOf('deliveryDeadlineMinutes')).toBeUndefined();
  });
});
