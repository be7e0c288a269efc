import type { RpcHandlers } from '../rpc/handlers.js';
import type { AuthService } from './auth-service.js';

/** The auth.* methods: sign-in state lives on the connection, accounts in the database. */
export function authHandlers(auth: AuthService): Pick<RpcHandlers['methods'], 'auth.login' | 'auth.logout' | 'auth.whoami' | 'auth.changePin'> {
  return {
    'auth.login': async ({ officerId, pin }, context) => {
      const previous = context.auth.officer;
      const officer = await auth.login(officerId, pin);
      if (previous !== undefined && previous.id !== officer.id) auth.logout(previous.id, 'requested');
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
