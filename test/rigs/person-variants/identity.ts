import type { Rng } from './prng.js';

type PoolRng = Pick<Rng, 'pick' | 'chance'>;

/** A name part with its written forms, one per system (`icao`, `western`, `v1`…), and a key naming the name itself. */
export interface NamePart {
  readonly key: string;
  readonly forms: Readonly<Record<string, string>>;
}

export type Sex = 'M' | 'F';

export const CULTURES = ['slavic', 'armenian', 'georgian', 'azerbaijani', 'kazakh', 'arabic', 'chinese', 'western'] as const;
export type CultureId = (typeof CULTURES)[number];

/** A fictitious person's name: pool names combined at random. */
export interface Identity {
  readonly culture: CultureId;
  readonly sex: Sex;
  readonly surname: NamePart;
  readonly given: readonly NamePart[];
  readonly patronymic: NamePart | null;
}

export function formOf(part: NamePart, system: string, fallback: string): string {
  const form = part.forms[system] ?? part.forms[fallback];
  if (form === undefined) throw new Error(`${part.key} has no form ${system} or ${fallback}`);
  return form;
}

/** The systems this part is written in. */
export function systemsOf(part: NamePart): string[] {
  return Object.keys(part.forms);
}

/** What the generator needs of a culture's pools. */
export interface Culture {
  readonly id: CultureId;
  readonly nationalities: readonly string[];
  /** The form this culture's own passports print. */
  readonly passport: string;
  surname(rng: PoolRng, sex: Sex): NamePart;
  given(rng: PoolRng, sex: Sex): NamePart;
  /** A patronymic, where the culture writes one. */
  patronymic?(rng: PoolRng, sex: Sex): NamePart;
}
