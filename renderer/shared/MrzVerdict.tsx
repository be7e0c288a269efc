import { useT } from '../i18n/I18n.js';
import { StateWord } from './StateWord.js';

/** Whether a machine-readable zone is intact, read with corrections, or not intact: the lane's card and the technician's test scan say it alike. */
export function MrzVerdict({ mrz, testId }: { readonly mrz: { readonly valid: boolean; readonly corrections: readonly unknown[] }; readonly testId?: string }) {
  const t = useT();
  const tone = !mrz.valid ? 'bad' : mrz.corrections.length > 0 ? 'notice' : 'ok';
  return (
    <StateWord tone={tone} {...(testId === undefined ? {} : { testId })}>
      {!mrz.valid ? t('card.mrzInvalid') : mrz.corrections.length > 0 ? t('card.mrzCorrected', { count: mrz.corrections.length }) : t('card.mrzIntact')}
    </StateWord>
  );
}
