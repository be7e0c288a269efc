import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRAMINGS as CORE_FRAMINGS } from '../../../drivers/framing/framings.js';
import { HID_DECODERS as CORE_HID_DECODERS, READER_KINDS, parseReaderSpec, safeParseReaderSpec } from '../../../drivers/spec/reader-spec.js';
import {
  DEFAULT_BAUD,
  DEFAULT_FRAMING,
  FRAMINGS,
  HID_DECODERS,
  TRANSPORTS,
  fieldOfOption,
  fieldsFor,
  fieldsFromSpec,
  fieldsOf,
  specFromFields,
  type ReaderSpecFields,
} from '../../../renderer/readers/reader-spec-fields.js';

const serial = (changes: Partial<ReaderSpecFields>): ReaderSpecFields => ({ ...fieldsFor('serial'), port: '/dev/ttyUSB0', ...changes });

/** What the form's fields mean: text trimmed, an empty baud or framing the default, Other options without empty pairs. */
function normalised(fields: ReaderSpecFields): ReaderSpecFields {
  const takes = fieldsOf(fields.transport);
  const baud = fields.baud.trim();
  return {
    transport: fields.transport,
    port: fields.port.trim(),
    baud: takes.includes('baud') ? (baud === '' ? DEFAULT_BAUD : baud) : '',
    framing: takes.includes('framing') ? (fields.framing === '' ? DEFAULT_FRAMING : fields.framing) : '',
    decoder: takes.includes('decoder') ? fields.decoder : '',
    other: fields.other
      .trim()
      .replace(/^\?/, '')
      .split('&')
      .filter((pair) => pair.trim() !== '')
      .join('&'),
  };
}

/** Any text, Armenian and Cyrillic and the spec's own separators included. */
const anyText = fc.string({ unit: fc.oneof(fc.constantFrom('%', '?', '&', '=', ':', '/', ' ', '\t', '\r', '\n', '\u00a0', 'ա', 'Ж', '#', '+'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 24 });
const optionKey = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/);

/** Fields as a technician could leave them; Other options as pairs whose values are escaped the way the spec wants. */
const anyFields = fc.constantFrom(...TRANSPORTS).chain((transport) => {
  const takes = fieldsOf(transport);
  const pairs = fc.array(
    fc.tuple(
      optionKey.filter((key) => !(takes as readonly string[]).includes(key)),
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', '.', ',', '-', 'ա', 'Ж'), maxLength: 8 }),
    ),
    { maxLength: 4 },
  );
  return fc.record({
    transport: fc.constant(transport),
    port: transport === 'sim' ? fc.constant('') : anyText,
    baud: takes.includes('baud') ? fc.oneof(fc.constant(DEFAULT_BAUD), fc.constant(''), fc.stringMatching(/^\d{1,7}$/), anyText) : fc.constant(''),
    framing: takes.includes('framing') ? fc.oneof(fc.constantFrom(...FRAMINGS), fc.constant('')) : fc.constant(''),
    decoder: takes.includes('decoder') ? fc.oneof(fc.constantFrom(...HID_DECODERS), fc.constant(''), anyText) : fc.constant(''),
    other: pairs.map((list) => list.map(([key, value]) => `${key}=${value}`).join('&')),
  });
});

describe('reader spec fields', () => {
  it('copy the core’s reader kinds, framings and HID decoders exactly', () => {
    expect(TRANSPORTS).toEqual(READER_KINDS);
    expect(FRAMINGS).toEqual(CORE_FRAMINGS);
    expect(HID_DECODERS).toEqual(CORE_HID_DECODERS);
  });

  it('split the four kinds of spec into the form’s fields', () => {
    expect(fieldsFromSpec('serial:/dev/ttyUSB0?baud=115200&framing=stx-etx&parity=even')).toEqual({ transport: 'serial', port: '/dev/ttyUSB0', baud: '115200', framing: 'stx-etx', decoder: '', other: 'parity=even' });
    expect(fieldsFromSpec('serial:/dev/ttyUSB0')).toEqual({ transport: 'serial', port: '/dev/ttyUSB0', baud: '9600', framing: 'lines', decoder: '', other: '' });
    expect(fieldsFromSpec('hid:0db5:0160?decoder=accessis&interface=1')).toEqual({ transport: 'hid', port: '0db5:0160', baud: '', framing: '', decoder: 'accessis', other: 'interface=1' });
    expect(fieldsFromSpec('sim:?interval=0')).toEqual({ transport: 'sim', port: '', baud: '', framing: 'lines', decoder: '', other: 'interval=0' });
    expect(fieldsFromSpec('replay:/path/capture.jsonl?pace=recorded')).toEqual({ transport: 'replay', port: '/path/capture.jsonl', baud: '', framing: '', decoder: '', other: 'pace=recorded' });
  });

  it('leave options a transport takes no field for in Other options, so nothing written is lost', () => {
    expect(fieldsFromSpec('hid:0db5:0160?decoder=hidpos&baud=9600')).toMatchObject({ decoder: 'hidpos', other: 'baud=9600' });
    // The core names the repetition; the form keeps it for the core to see.
    expect(fieldsFromSpec('serial:/dev/ttyS0?baud=1200&baud=2400')).toMatchObject({ baud: '1200', other: 'baud=2400' });
    expect(fieldsFromSpec('serial:/dev/ttyS0?baud=%E0')).toMatchObject({ baud: '9600', other: 'baud=%E0' });
    expect(fieldsFromSpec('sim:/dev/x?interval=0')).toMatchObject({ port: '/dev/x', other: 'interval=0' });
  });

  it('compose a spec with the defaults left out, readable and escaped only where the syntax needs it', () => {
    expect(specFromFields(serial({}))).toBe('serial:/dev/ttyUSB0');
    expect(specFromFields(serial({ baud: '115200', framing: 'desko', other: 'sod=1c&eod=1d' }))).toBe('serial:/dev/ttyUSB0?baud=115200&framing=desko&sod=1c&eod=1d');
    expect(specFromFields({ ...fieldsFor('hid'), port: '0db5:0160' })).toBe('hid:0db5:0160?decoder=accessis');
    expect(specFromFields({ ...fieldsFor('sim'), other: '?interval=0&' })).toBe('sim:?interval=0');
    expect(specFromFields({ ...fieldsFor('replay'), port: '/srv/captures/lane 3?.jsonl', other: 'pace=fast' })).toBe('replay:/srv/captures/lane%203%3F.jsonl?pace=fast');
    expect(specFromFields(serial({ port: ' /dev/ttyUSB0 ', baud: ' 19200 ' }))).toBe('serial:/dev/ttyUSB0?baud=19200');
  });

  it('compose specs the core reads as the fields say', () => {
    expect(parseReaderSpec(specFromFields(serial({ baud: '115200', framing: 'stx-etx-lrc' })))).toMatchObject({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115_200, framing: { kind: 'stx-etx-lrc' } });
    expect(parseReaderSpec(specFromFields({ ...fieldsFor('hid'), port: '0db5:0160', decoder: 'keyboard' }))).toMatchObject({ kind: 'hid', vendorId: 0x0db5, productId: 0x0160, decoder: 'keyboard' });
    expect(parseReaderSpec(specFromFields({ ...fieldsFor('sim'), framing: 'accessis', other: 'interval=0' }))).toMatchObject({ kind: 'sim', intervalSeconds: 0, framing: { kind: 'accessis' } });
    expect(parseReaderSpec(specFromFields({ ...fieldsFor('replay'), port: '/tmp/a b%c?.jsonl' }))).toMatchObject({ kind: 'replay', file: '/tmp/a b%c?.jsonl' });
  });

  it('round-trip: the spec any fields make splits back into the same fields, and composes to itself', () => {
    fc.assert(
      fc.property(anyFields, (fields) => {
        const spec = specFromFields(fields);
        expect(fieldsFromSpec(spec)).toEqual(normalised(fields));
        expect(specFromFields(fieldsFromSpec(spec))).toBe(spec);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip: the core reads any serial or replay target back exactly as typed', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('serial', 'replay'), (port, transport) => {
        const trimmed = port.trim();
        fc.pre(trimmed !== '');
        const parsed = safeParseReaderSpec(specFromFields({ ...fieldsFor(transport), port }));
        expect(parsed.ok && (parsed.spec.kind === 'serial' ? parsed.spec.path : parsed.spec.kind === 'replay' ? parsed.spec.file : undefined)).toBe(trimmed);
      }),
      { numRuns: 1000 },
    );
  });

  it('place each problem the core names beside the field that holds it', () => {
    const fields = serial({});
    expect(fieldOfOption('id', fields)).toBe('id');
    expect(fieldOfOption('scheme', fields)).toBe('transport');
    expect(fieldOfOption('path', fields)).toBe('port');
    expect(fieldOfOption('baud', fields)).toBe('baud');
    expect(fieldOfOption('sod', fields)).toBe('framing');
    expect(fieldOfOption('eod', fields)).toBe('framing');
    expect(fieldOfOption('parity', fields)).toBe('other');
    expect(fieldOfOption('bauds, stop', fields)).toBe('other');
    expect(fieldOfOption('(spec)', fields)).toBe('other');
    expect(fieldOfOption('constructor', fields)).toBe('other');
    expect(fieldOfOption('device', { ...fieldsFor('hid'), port: '0db5' })).toBe('port');
    expect(fieldOfOption('decoder', { ...fieldsFor('hid'), port: '0db5' })).toBe('decoder');
    // A field the form does not show for this transport: the option was written in Other options.
    expect(fieldOfOption('baud', { ...fieldsFor('hid'), port: '0db5:0160' })).toBe('other');
    expect(fieldOfOption('framing', fieldsFor('replay'))).toBe('other');
    expect(fieldOfOption('target', { ...fieldsFor('sim'), port: '/dev/x' })).toBe('port');
  });
});
