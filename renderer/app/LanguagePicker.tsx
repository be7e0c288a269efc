import { useId } from 'react';
import { useLanguage, useT } from '../i18n/I18n.js';
import { LANGUAGES, isLanguage } from '../i18n/languages.js';

/** The language choice, each language named in itself. */
export function LanguagePicker() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
