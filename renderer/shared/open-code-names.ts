import type { MessageId } from '../i18n/catalogues/en.js';
import { en } from '../i18n/catalogues/en.js';
import type { Translate } from '../i18n/translate.js';

/** Whether this release's catalogues name the id: codes on the wire are open, messages are not. */
export function knownId(id: string): id is MessageId {
  return Object.hasOwn(en, id);
}

/** A check's name in the officer's language; a code a newer release added shows as itself. */
export function checkName(t: Translate, code: string): string {
  const id = `check.${code}`;
  return knownId(id) ? t(id) : t('check.other', { code });
}

/** A decision reason's name; a reason a newer release added shows as its code. */
export function reasonName(t: Translate, code: string): string {
  const id = `reason.${code}`;
  return knownId(id) ? t(id) : code;
}
