/**
 * A reader spec (`scheme:target?option=value&…`, as in the config file) split into the fields of
 * the Readers form, and composed back from them. The renderer never judges a spec: the core parses
 * it (drivers/spec/reader-spec.ts) and names each problem by its option, which `fieldOfOption`
 * places beside the field that holds it. Nothing the technician typed is lost on the way: what no
 * field takes stays in "Other options", and a target the transport takes no field for stays in Port.
 */

/*
 * The core's reader kinds, framings and HID decoders. The renderer may not import drivers/, so these
 * are copies; test/renderer/readers/reader-spec-fields.test.ts holds them equal to the originals.
 */
export const TRANSPORTS = ['serial', 'hid', 'sim', 'replay'] as const;
export const FRAMINGS = ['lines', 'stx-etx', 'stx-etx-lrc', 'desko', 'accessis'] as const;
export const HID_DECODERS = ['accessis', 'hidpos', 'keyboard'] as const;

/** The values the core takes when the spec leaves them out; a composed spec leaves them out too. */
export const DEFAULT_BAUD = '9600';
export const DEFAULT_FRAMING = 'lines';

export interface ReaderSpecFields {
  /** serial, hid, sim, replay; or, read from a hand-written spec, whatever scheme it names. */
  readonly transport: string;
  /** The target: a device path, vendor:product in hex, or a capture file. */
  readonly port: string;
  readonly baud: string;
  readonly framing: string;
  readonly decoder: string;
  /** The rest of the query string, as written: `interval=0&seed=3`. */
  readonly other: string;
}

export type OptionField = 'baud' | 'framing' | 'decoder';
export type SpecField = 'transport' | 'port' | OptionField | 'other';
export type FormField = 'id' | SpecField;

const OPTION_FIELDS: readonly OptionField[] = ['baud', 'framing', 'decoder'];

/** The fields a transport takes besides Transport and Other options. */
export function fieldsOf(transport: string): readonly ('port' | OptionField)[] {
  switch (transport) {
    case 'serial':
      return ['port', 'baud', 'framing'];
    case 'hid':
      return ['port', 'decoder'];
    case 'sim':
      return ['framing'];
    default:
      return ['port'];
  }
}

/** Whether the form shows a field: those of the transport, and a Port that holds a target the transport takes none of (so that it can be seen and cleared). */
export function showsField(fields: ReaderSpecFields, field: 'port' | OptionField): boolean {
  return fieldsOf(fields.transport).includes(field) || (field === 'port' && fields.port !== '');
}

/** A new reader's fields for a transport, the defaults filled in; Other options are kept when the technician switches transport. */
export function fieldsFor(transport: string, other = ''): ReaderSpecFields {
  const takes = fieldsOf(transport);
  return {
    transport,
    port: '',
    baud: takes.includes('baud') ? DEFAULT_BAUD : '',
    framing: takes.includes('framing') ? DEFAULT_FRAMING : '',
    // The core has no default decoder; the first is what most desk readers speak.
    decoder: takes.includes('decoder') ? HID_DECODERS[0] : '',
    other,
  };
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** A spec's fields. A value that cannot be decoded stays in Other options as written. */
export function fieldsFromSpec(spec: string): ReaderSpecFields {
  const text = spec.trim();
  const colon = text.indexOf(':');
  if (colon <= 0) return { transport: '', port: text, baud: '', framing: '', decoder: '', other: '' };
  const transport = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  const question = rest.indexOf('?');
  const rawTarget = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);
  const takes = fieldsOf(transport);
  const picked = new Map<OptionField, string>();
  const others: string[] = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = equals < 0 ? pair : pair.slice(0, equals);
    const value = decoded(equals < 0 ? '' : pair.slice(equals + 1));
    const field = OPTION_FIELDS.find((name) => name === key);
    // A repeated option stays in Other options, so that the core still sees (and names) the repetition.
    if (field !== undefined && takes.includes(field) && !picked.has(field) && value !== undefined) picked.set(field, value);
    else others.push(pair);
  }
  return {
    transport,
    port: decoded(rawTarget) ?? rawTarget,
    baud: takes.includes('baud') ? (picked.get('baud') ?? DEFAULT_BAUD) : '',
    framing: takes.includes('framing') ? (picked.get('framing') ?? DEFAULT_FRAMING) : '',
    decoder: takes.includes('decoder') ? (picked.get('decoder') ?? '') : '',
    other: others.join('&'),
  };
}

/**
 * %-escapes what the spec's syntax would misread: `%` always, the separators given, whitespace
 * (the core trims a spec) and control characters. Everything else is left as typed, so that
 * `serial:/dev/ttyUSB0` stays readable rather than `serial:%2Fdev%2FttyUSB0`.
 */
function escaped(text: string, separators: string): string {
  let out = '';
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    out += character === '%' || separators.includes(character) || code < 0x20 || code === 0x7f || /\s/u.test(character) ? encodeURIComponent(character) : character;
  }
  return out;
}

/** Other options as the spec writes them: a leading `?` and empty pairs dropped. */
function otherPairs(other: string): string[] {
  return other
    .trim()
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair.trim() !== '');
}

/** The spec the fields make, with the defaults left out. */
export function specFromFields(fields: ReaderSpecFields): string {
  const takes = fieldsOf(fields.transport);
  const options: string[] = [];
  const baud = fields.baud.trim();
  if (takes.includes('baud') && baud !== '' && baud !== DEFAULT_BAUD) options.push(`baud=${escaped(baud, '&')}`);
  if (takes.includes('framing') && fields.framing !== '' && fields.framing !== DEFAULT_FRAMING) options.push(`framing=${escaped(fields.framing, '&')}`);
  if (takes.includes('decoder') && fields.decoder !== '') options.push(`decoder=${escaped(fields.decoder, '&')}`);
  options.push(...otherPairs(fields.other));
  const target = escaped(fields.port.trim(), '?');
  return `${fields.transport}:${target}${options.length === 0 ? '' : `?${options.join('&')}`}`;
}

const FIELD_OF_OPTION = new Map<string, FormField>([
  ['id', 'id'],
  ['scheme', 'transport'],
  ['path', 'port'],
  ['device', 'port'],
  ['file', 'port'],
  ['target', 'port'],
  ['baud', 'baud'],
  ['framing', 'framing'],
  ['sod', 'framing'],
  ['eod', 'framing'],
  ['decoder', 'decoder'],
]);

/** The field a problem the core names by option belongs beside; one the form does not show goes to Other options, where the option was written. */
export function fieldOfOption(option: string, fields: ReaderSpecFields): FormField {
  const field = FIELD_OF_OPTION.get(option) ?? 'other';
  if (field === 'id' || field === 'transport' || field === 'other') return field;
  return showsField(fields, field) ? field : 'other';
}

/** Whether the option is the field's own, so that its message needs no option name before it. */
export function isFieldsOwnOption(option: string, field: FormField): boolean {
  if (field === 'port') return ['path', 'device', 'file', 'target'].includes(option);
  if (field === 'transport') return option === 'scheme';
  return option === field;
}
