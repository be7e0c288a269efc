/** The lane's languages: Armenian first, then Russian and English. */
export const LANGUAGES = ['hy', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const STORAGE_KEY = 'sahman.language';

/** The language chosen last on this kiosk, else Armenian. */
export function rememberedLanguage(storage: Storage): Language {
  const stored = storage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : 'hy';
}

export function rememberLanguage(storage: Storage, language: Language): void {
  storage.setItem(STORAGE_KEY, language);
}
