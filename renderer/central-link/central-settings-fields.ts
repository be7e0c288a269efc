import { CentralSettings } from '../../main/common/contract/central-settings.js';

/**
 * Central's settings as the Settings form holds them (text, field by field) and as
 * central.saveSettings takes them. The renderer judges only what the core cannot refuse
 * by field: a deadline that is not a whole number in range fails the request's own schema,
 * which the core answers with one message for the whole request.
 */

export type SettingsField = keyof CentralSettings;

/** The fields in the order the form shows them, taken from the contract so that a new setting cannot be forgotten here. */
export const SETTINGS_FIELDS: readonly SettingsField[] = CentralSettings.keyof().options;

export type CentralSettingsFields = Readonly<Record<SettingsField, string>>;

const deadline = CentralSettings.shape.deliveryDeadlineMinutes;

/** The deadline the contract takes, in minutes; the form says the range in the technician's words. */
export const DEADLINE_MIN = deadline.minValue ?? 1;
export const DEADLINE_MAX = deadline.maxValue ?? Number.MAX_SAFE_INTEGER;

const OPTIONAL_FIELDS = ['publicKey', 'caFile', 'clientCertFile', 'clientKeyFile'] as const;

const TEXT_SCHEMAS = {
  url: CentralSettings.shape.url,
  publicKey: CentralSettings.shape.publicKey.unwrap(),
  caFile: CentralSettings.shape.caFile.unwrap(),
  clientCertFile: CentralSettings.shape.clientCertFile.unwrap(),
  clientKeyFile: CentralSettings.shape.clientKeyFile.unwrap(),
} as const;

/** The most a text field may hold: longer fails the request's schema rather than the core's check by field, so the input stops it. */
export function maxLengthOf(field: SettingsField): number | undefined {
  if (field === 'deliveryDeadlineMinutes') return undefined;
  return TEXT_SCHEMAS[field].maxLength ?? undefined;
}

export function fieldsFromSettings(settings: CentralSettings): CentralSettingsFields {
  return {
    url: settings.url,
    publicKey: settings.publicKey ?? '',
    caFile: settings.caFile ?? '',
    clientCertFile: settings.clientCertFile ?? '',
    clientKeyFile: settings.clientKeyFile ?? '',
    deliveryDeadlineMinutes: String(settings.deliveryDeadlineMinutes),
  };
}

/** Minutes as typed: digits only (a sign, a decimal point or an exponent is not a number of minutes), within the contract's range. */
export function deadlineOf(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[0-9]{1,6}$/.test(trimmed)) return undefined;
  const minutes = Number(trimmed);
  return deadline.safeParse(minutes).success ? minutes : undefined;
}

/**
 * The params of central.saveSettings, text trimmed; an empty optional field is left out, which the
 * config file reads as "none" (no key pinned, no CA of its own, no client certificate), where an
 * empty string would be refused. Undefined when the deadline is not one the contract takes.
 */
export function settingsFromFields(fields: CentralSettingsFields): CentralSettings | undefined {
  const minutes = deadlineOf(fields.deliveryDeadlineMinutes);
  if (minutes === undefined) return undefined;
  const settings: CentralSettings = { url: fields.url.trim(), deliveryDeadlineMinutes: minutes };
  for (const key of OPTIONAL_FIELDS) {
    const value = fields[key].trim();
    if (value !== '') settings[key] = value;
  }
  return settings;
}

/** The field a problem the core names belongs in; undefined for an option this release has no field for. */
export function fieldOfOption(option: string): SettingsField | undefined {
  return (SETTINGS_FIELDS as readonly string[]).includes(option) ? (option as SettingsField) : undefined;
}
