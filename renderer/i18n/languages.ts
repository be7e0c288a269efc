/** The lane's languages: Armenian first, then Russian and English. */
export const LANGUAGES = ['hy', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const STORAGE_KEY = 'sahman.language';

/** The part of the Web Storage API the choice needs (localStorage on the kiosk). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The language chosen last on this kiosk, else Armenian. */
export function rememberedLanguage(storage: KeyValueStore): Language {
  const stored = storage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'hy';
}

export function rememberLanguage(storage: KeyValueStore, language: Language): void {
  storage.setItem(STORAGE_KEY, language);
}
