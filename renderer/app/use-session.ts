import { useCallback, useEffect, useState } from 'react';
import type { OfficerSummary } from '../../main/common/contract/officers.js';
import type { RpcClient } from '../../main/common/rpc/client.js';
import { rpcFailure } from '../shared/rpc-failure.js';

/** Who uses this screen, as the core says on this connection. */
export type Session =
  | { readonly kind: 'asking' }
  | { readonly kind: 'signed-out' }
  | { readonly kind: 'must-change-pin'; readonly officer: OfficerSummary }
  | { readonly kind: 'signed-in'; readonly officer: OfficerSummary }
  | { readonly kind: 'locked'; readonly officer: OfficerSummary };

function sessionOf(officer: OfficerSummary | null, locked: boolean): Session {
  if (officer === null) return { kind: 'signed-out' };
  if (locked) return { kind: 'locked', officer };
  return officer.mustChangePin ? { kind: 'must-change-pin', officer } : { kind: 'signed-in', officer };
}

export interface SessionActions {
  readonly session: Session;
  readonly signIn: (officerId: string, pin: string) => Promise<void>;
  readonly changePin: (currentPin: string, newPin: string) => Promise<void>;
  readonly lock: () => Promise<void>;
  readonly unlock: (pin: string) => Promise<void>;
  readonly signOut: () => Promise<void>;
  /** A call elsewhere found the session locked or gone: the screen follows the core. */
  readonly noticeFailure: (error: unknown) => void;
}

/**
 * The sign-in state follows the core: each connection signs in on its own, so
 * a new connection (the core restarted) asks again, and the officer signs in again.
 */
export function useSession(client: RpcClient | null): SessionActions {
  const [session, setSession] = useState<Session>({ kind: 'asking' });

  useEffect(() => {
    if (client === null) return undefined;
    let current = true;
    client.call('auth.session', {}).then(
      (view) => {
        if (current) setSession(sessionOf(view.officer, view.locked));
      },
      () => {
        if (current) setSession({ kind: 'signed-out' });
      },
    );
    return () => {
      current = false;
    };
  }, [client]);

  const need = useCallback((): RpcClient => {
    if (client === null) throw new Error('not connected to the core');
    return client;
  }, [client]);

  const signIn = useCallback(
    async (officerId: string, pin: string) => {
      const officer = await need().call('auth.login', { officerId, pin });
      setSession(sessionOf(officer, false));
    },
    [need],
  );
  const changePin = useCallback(
    async (currentPin: string, newPin: string) => {
      const officer = await need().call('auth.changePin', { currentPin, newPin });
      setSession(sessionOf(officer, false));
    },
    [need],
  );
  const lock = useCallback(async () => {
    await need().call('auth.lock', {});
    setSession((previous) => ('officer' in previous ? { kind: 'locked', officer: previous.officer } : previous));
  }, [need]);
  const unlock = useCallback(
    async (pin: string) => {
      const officer = await need().call('auth.unlock', { pin });
      setSession(sessionOf(officer, false));
    },
    [need],
  );
  const signOut = useCallback(async () => {
    try {
      await need().call('auth.logout', {});
    } finally {
      setSession({ kind: 'signed-out' });
    }
  }, [need]);
  const noticeFailure = useCallback((error: unknown) => {
    const { code } = rpcFailure(error);
    if (code === 'session_locked') setSession((previous) => ('officer' in previous ? { kind: 'locked', officer: previous.officer } : previous));
    if (code === 'unauthenticated') setSession({ kind: 'signed-out' });
  }, []);

  return { session, signIn, changePin, lock, unlock, signOut, noticeFailure };
}
