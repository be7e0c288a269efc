import * as z from 'zod';

/**
 * What the outbox carries to central, each under the appliance's seq: a
 * crossing, a void, a referral's resolution, or an audit event. Central
 * stores every kind alike, so a kind added here needs no change there.
 */
export const SyncedItemKind = z.enum(['crossing', 'void', 'resolution', 'audit']);
export type SyncedItemKind = z.infer<typeof SyncedItemKind>;
