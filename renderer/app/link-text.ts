import type { LinkState } from '../link/link-state.js';
import type { Translate } from '../i18n/I18n.js';
import type { Tone } from '../shared/StateWord.js';

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** What the screen says about its link to the core, and in which tone. */
export function describeLink(state: LinkState, now: number, t: Translate): { tone: Tone; text: string } {
  switch (state.kind) {
    case 'connecting':
      return { tone: 'notice', text: t('link.connecting') };
    case 'connected':
      return { tone: 'ok', text: t('link.connected') };
    case 'reconnecting':
      return { tone: 'bad', text: t('link.reconnecting', { attempt: state.attempt, seconds: secondsUntil(state.retryAt, now) }) };
    case 'core-restarting':
      return { tone: 'bad', text: t('link.coreRestarting', { attempt: state.attempt, seconds: secondsUntil(state.retryAt, now) }) };
    case 'core-halted':
      return { tone: 'bad', text: t('link.coreHalted', { reason: state.reason }) };
    case 'no-token':
      return { tone: 'bad', text: t('link.noToken') };
  }
}
