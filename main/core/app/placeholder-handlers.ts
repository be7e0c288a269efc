import { UnavailableError } from '../errors/domain-errors.js';
import type { RpcHandlers } from '../rpc/handlers.js';

type OfficerMethods = 'officers.list' | 'officers.create' | 'officers.update' | 'officers.setActive' | 'officers.resetPin';

/** Stand-ins while the officers screen's methods are built on another branch, so that this one compiles; dropped at merge. */
export function placeholderHandlers(): Pick<RpcHandlers['methods'], OfficerMethods> {
  const notBuilt = (): Promise<never> => Promise.reject(new UnavailableError('not built on this branch'));
  return {
    'officers.list': notBuilt,
    'officers.create': notBuilt,
    'officers.update': notBuilt,
    'officers.setActive': notBuilt,
    'officers.resetPin': notBuilt,
  };
}
