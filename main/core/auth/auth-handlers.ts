import { InvalidRequestError, NotSignedInError } from '../errors/domain-errors.js';
import { signedInOfficerId, type RpcHandlers } from '../rpc/handlers.js';
import type { AuthService } from './auth-service.js';

type AuthMethods = 'auth.login' | 'auth.logout' | 'auth.whoami' | 'auth.changePin' | 'auth.session' | 'auth.activity' | 'auth.lock' | 'auth.unlock';

/** The auth.* methods: sign-in state lives on the connection, accounts in the database. */
export function authHandlers(auth: AuthService): Pick<RpcHandlers['methods'], AuthMethods> {
  return {
    'auth.login': async ({ officerId, pin }, context) => {
      const previous = context.auth.officer;
      const officer = await auth.login(officerId, pin);
      // Another officer taking the screen, locked or not, ends the first one's session.
      if (previous !== undefined && previous.id !== officer.id) auth.logout(previous.id, 'replaced');
      context.auth.signIn(officer);
      return officer;
    },
    'auth.logout': (_params, context) => {
      const officer = context.auth.officer;
      if (officer !== undefined) auth.logout(officer.id, 'requested');
      context.auth.signOut();
      return {};
    },
    'auth.whoami': (_params, context) => context.auth.officer ?? null,
    'auth.session': (_params, context) => ({ officer: context.auth.officer ?? null, locked: context.auth.locked }),
    // The access check that let this call through has counted it as the officer's activity.
    'auth.activity': () => ({}),
    'auth.lock': (_params, context) => {
      const officerId = signedInOfficerId(context);
      if (context.auth.locked) return {};
      // Locked before the audit: a screen that asked to lock is locked even when the disk refuses the event.
      context.auth.lock();
      auth.lock(officerId, 'requested');
      return {};
    },
    'auth.unlock': async ({ pin }, context) => {
      const officer = context.auth.officer;
      if (officer === undefined) throw new InvalidRequestError('no session to resume on this connection: sign in');
      if (!context.auth.locked) throw new InvalidRequestError('this session is not locked');
      try {
        const resumed = await auth.unlock(officer.id, pin);
        // The PIN check takes a while: another officer may have taken the screen meanwhile.
        if (context.auth.officer?.id !== officer.id) throw new InvalidRequestError('another officer signed in on this screen meanwhile');
        context.auth.signIn(resumed);
        return resumed;
      } catch (error) {
        if (error instanceof NotSignedInError && context.auth.officer?.id === officer.id) context.auth.signOut();
        throw error;
      }
    },
    'auth.changePin': async ({ currentPin, newPin }, context) => {
      const officer = context.auth.officer;
      // The access rule let this call through only with a signed-in officer.
      if (officer === undefined) return Promise.reject(new Error('auth.changePin reached without an officer'));
      const updated = await auth.changePin(officer.id, currentPin, newPin);
      context.auth.signIn(updated);
      return updated;
    },
  };
}
