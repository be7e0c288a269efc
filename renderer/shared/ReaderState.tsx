import type { ReaderStatusView } from '../../main/common/contract/readers.js';
import { useT } from '../i18n/I18n.js';
import { StateWord, type Tone } from './StateWord.js';

const READER_TONE: Readonly<Record<ReaderStatusView['state'], Tone>> = { ready: 'ok', connecting: 'notice', disconnected: 'bad', error: 'bad' };

/** A reader's name and state, in word, icon and colour, as the status bar and the status screen show it. */
export function ReaderState({ reader, testId }: { readonly reader: ReaderStatusView; readonly testId?: string }) {
  const t = useT();
  return (
    <StateWord tone={READER_TONE[reader.state]} {...(testId === undefined ? {} : { testId })}>
      {t('status.readerState', { reader: reader.readerId, state: t(`reader.${reader.state}`) })}
    </StateWord>
  );
}
