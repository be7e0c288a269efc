import { UnavailableError } from '../errors/domain-errors.js';
import type { RpcHandlers } from '../rpc/handlers.js';

type Placeholders = Pick<RpcHandlers['methods'], 'auth.session' | 'auth.lock' | 'auth.unlock' | 'capture.wedge' | 'readers.simulateScan'>;

const notBuilt = (): Promise<never> => Promise.reject(new UnavailableError('not built on this branch'));

/** Methods another branch implements; they keep this branch's handler map complete until the merge drops this file. */
export function placeholderHandlers(): Placeholders {
  return {
    'auth.session': notBuilt,
    'auth.lock': notBuilt,
    'auth.unlock': notBuilt,
    'capture.wedge': notBuilt,
    'readers.simulateScan': notBuilt,
  };
}
