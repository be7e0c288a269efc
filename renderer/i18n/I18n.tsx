import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import type { Translate } from './translate.js';
import { CATALOGUES } from './catalogues/index.js';
import { formattersFor, type Formatters } from './format.js';
import { polyfilledLanguages } from './intl-polyfills.js';
import { rememberLanguage, rememberedLanguage, type KeyValueStore, type Language } from './languages.js';

interface LanguageChoice {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  readonly format: Formatters;
}

const LanguageContext = createContext<LanguageChoice | undefined>(undefined);

/** The chosen language for every screen, remembered on this kiosk, with its messages and formatters. */
export function I18nProvider({ children, storage }: { readonly children: ReactNode; readonly storage: KeyValueStore }) {
  const [language, setLanguageState] = useState<Language>(() => rememberedLanguage(storage));
  const setLanguage = useCallback(
    (next: Language) => {
      rememberLanguage(storage, next);
      document.documentElement.lang = next;
      setLanguageState(next);
    },
    [storage],
  );
  const choice = useMemo<LanguageChoice>(() => ({ language, setLanguage, format: formattersFor(language) }), [language, setLanguage]);
  document.documentElement.lang = language;
  return (
    <LanguageContext.Provider value={choice}>
      <IntlProvider locale={language} messages={CATALOGUES[language]} defaultLocale="en" onError={reportMissing}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

function reportMissing(error: Error & { readonly code?: string }): void {
  // react-intl asks the native Intl for hy dates; the screens format those through the polyfill instead.
  if (error.code === 'MISSING_DATA' && [...polyfilledLanguages].some((language) => error.message.includes(`"${language}"`))) return;
  // A missing message is a bug the catalogue test catches; in the field the id shows instead of a crash.
  console.warn(error.message);
}

export function useLanguage(): LanguageChoice {
  const choice = useContext(LanguageContext);
  if (choice === undefined) throw new Error('useLanguage outside I18nProvider');
  return choice;
}

export type { MessageValues, Translate } from './translate.js';

/** The typed message function: an id that is not in the catalogue does not compile. */
export function useT(): Translate {
  const intl = useIntl();
  return useCallback<Translate>((id, values) => intl.formatMessage({ id }, values), [intl]);
}
