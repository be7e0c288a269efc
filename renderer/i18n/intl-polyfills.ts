import { DateTimeFormat as PolyfilledDateTimeFormat } from '@formatjs/intl-datetimeformat';
import { DisplayNames as PolyfilledDisplayNames } from '@formatjs/intl-displaynames';
import { NumberFormat as PolyfilledNumberFormat } from '@formatjs/intl-numberformat';
import { PluralRules as PolyfilledPluralRules } from '@formatjs/intl-pluralrules';

/**
 * Debian's and Electron's Chromium are built without Armenian locale data:
 * native Intl formats `hy` in English. FormatJS's polyfills carry it, but
 * installing them globally would replace the native implementations for every
 * language and ship every language's data. So each polyfill is loaded with
 * `hy` data alone, and only the languages the native Intl lacks are routed to it.
 */

type IntlName = 'DateTimeFormat' | 'NumberFormat' | 'PluralRules' | 'DisplayNames';

interface SupportedLocales {
  supportedLocalesOf(locales: string | string[]): string[];
}

function nativeLacks(native: SupportedLocales, language: string): boolean {
  return native.supportedLocalesOf([language]).length === 0;
}

/**
 * FormatJS's locale-data modules register themselves on the global
 * constructor, so the polyfill stands there while its data module runs.
 */
async function withGlobal(name: IntlName, polyfill: unknown, load: () => Promise<unknown>): Promise<void> {
  const native = Object.getOwnPropertyDescriptor(Intl, name);
  Object.defineProperty(Intl, name, { value: polyfill, configurable: true, writable: true });
  try {
    await load();
  } finally {
    if (native !== undefined) Object.defineProperty(Intl, name, native);
  }
}

function firstLanguage(locales: unknown): string | undefined {
  const first: unknown = Array.isArray(locales) ? locales[0] : locales;
  return typeof first === 'string' ? first.split('-')[0]?.toLowerCase() : undefined;
}

function construct(constructor: new (...args: never[]) => object, args: unknown[]): object {
  return Reflect.construct(constructor, args) as object;
}

/**
 * react-intl formats plurals and numbers in messages through the global
 * constructors, so those two are routed in place: a constructor that answers
 * with the polyfill for the languages the native one lacks.
 */
function routeGlobal(name: 'NumberFormat' | 'PluralRules', polyfill: SupportedLocales & (new (...args: never[]) => object), languages: ReadonlySet<string>): void {
  const native = Intl[name] as unknown as SupportedLocales & (new (...args: unknown[]) => object);
  const routed = new Proxy(native, {
    construct(target, args: unknown[]) {
      const language = firstLanguage(args[0]);
      return construct(language !== undefined && languages.has(language) ? polyfill : target, args);
    },
    apply(target, _this, args: unknown[]) {
      const language = firstLanguage(args[0]);
      return construct(language !== undefined && languages.has(language) ? polyfill : target, args);
    },
    get(target, property, receiver) {
      if (property === 'supportedLocalesOf') {
        return (locales: string | string[]) => [...new Set([...target.supportedLocalesOf(locales), ...polyfill.supportedLocalesOf(locales)])];
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  Object.defineProperty(Intl, name, { value: routed, configurable: true, writable: true });
}

/** The languages whose formatting the polyfills took over (`hy` in Chromium), for the tests and the about screen. */
export const polyfilledLanguages = new Set<string>();

/** Loads the Armenian data where the native Intl lacks it; resolves before the first render. */
export async function loadIntlPolyfills(): Promise<void> {
  // PluralRules first: NumberFormat's polyfill relies on it.
  if (nativeLacks(Intl.PluralRules, 'hy')) {
    await withGlobal('PluralRules', PolyfilledPluralRules, () => import('@formatjs/intl-pluralrules/locale-data/hy.js'));
    routeGlobal('PluralRules', PolyfilledPluralRules, new Set(['hy']));
  }
  if (nativeLacks(Intl.NumberFormat, 'hy')) {
    await withGlobal('NumberFormat', PolyfilledNumberFormat, () => import('@formatjs/intl-numberformat/locale-data/hy.js'));
    routeGlobal('NumberFormat', PolyfilledNumberFormat, new Set(['hy']));
  }
  if (nativeLacks(Intl.DateTimeFormat, 'hy')) {
    await withGlobal('DateTimeFormat', PolyfilledDateTimeFormat, () => import('@formatjs/intl-datetimeformat/locale-data/hy.js'));
    polyfilledLanguages.add('hy');
  }
  if (nativeLacks(Intl.DisplayNames, 'hy')) {
    await withGlobal('DisplayNames', PolyfilledDisplayNames, () => import('@formatjs/intl-displaynames/locale-data/hy.js'));
  }
}

const MINUTE_MS = 60_000;

/**
 * Dates for a language the native Intl lacks go through the polyfill. It would
 * need the whole time-zone database (over 100 KB) to know local time, so it is
 * given the local wall-clock time as if it were UTC: the browser already knows
 * the local offset, and the screens never print a zone name.
 */
export function dateTimeFormat(language: string, options: Intl.DateTimeFormatOptions): { format(date: Date): string } {
  if (!nativeLacks(Intl.DateTimeFormat, language)) return new Intl.DateTimeFormat(language, options);
  const polyfilled = new PolyfilledDateTimeFormat(language, { ...options, timeZone: 'UTC' });
  return { format: (date) => polyfilled.format(new Date(date.getTime() - date.getTimezoneOffset() * MINUTE_MS)) };
}

/** Region names (ISO 3166-1 alpha-2) in the language, from the native data or the polyfill's. */
export function regionNames(language: string): { of(code: string): string | undefined } {
  if (!nativeLacks(Intl.DisplayNames, language)) return new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  return new PolyfilledDisplayNames([language], { type: 'region', fallback: 'none' });
}
