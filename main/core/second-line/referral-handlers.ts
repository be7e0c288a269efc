import { signedInOfficerId as officerId, type RpcHandlers } from '../rpc/handlers.js';
import type { ReferralDesk } from './referral-desk.js';

export function referralHandlers(desk: ReferralDesk): Pick<RpcHandlers['methods'], 'referrals.queue' | 'referrals.take' | 'referrals.resolve'> {
  return {
    'referrals.queue': ({ limit }) => desk.queue(limit, new Date()),
    'referrals.take': ({ referralId }, context) => desk.take(referralId, officerId(context), new Date()),
    'referrals.resolve': (resolution, context) => desk.resolve(resolution, officerId(context), new Date()),
  };
}
