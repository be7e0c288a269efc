import { signedInOfficerId, type CallContext, type RpcHandlers } from '../rpc/handlers.js';
import type { OfficerActor, OfficerService } from './officer-service.js';

type OfficerMethods = Pick<RpcHandlers['methods'], 'officers.list' | 'officers.create' | 'officers.update' | 'officers.setActive' | 'officers.resetPin'>;

function caller(context: CallContext): OfficerActor {
  return { kind: 'officer', officerId: signedInOfficerId(context) };
}

/** The officers.* methods: the service holds every rule; these only name the caller. */
export function officerHandlers(officers: OfficerService): OfficerMethods {
  return {
    'officers.list': () => officers.list(),
    'officers.create': (params, context) => officers.create(caller(context), params),
    'officers.update': (params, context) => officers.update(caller(context), params),
    'officers.setActive': (params, context) => officers.setActive(caller(context), params),
    'officers.resetPin': (params, context) => officers.resetPin(caller(context), params),
  };
}
