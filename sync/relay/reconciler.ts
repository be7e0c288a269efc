import { dayDigest, itemDigest, itemTime } from '../protocol/digests.js';
import { ReconcileDay, SyncItem, paths } from '../protocol/wire.js';
import { CentralUnreachable, type CentralClient } from './central-client.js';
import type { RelayStore } from './relay-port.js';

const DAY_MS = 86_400_000;

export type DayComparison =
  | { readonly day: string; readonly status: 'match'; readonly count: number }
  | { readonly day: string; readonly status: 'mismatch'; readonly local: { count: number; digest: string }; readonly central: { count: number; digest: string } }
  /** Some of the day's items are not delivered yet: nothing to compare until they are. */
  | { readonly day: string; readonly status: 'pending' }
  | { readonly day: string; readonly status: 'unreachable'; readonly reason: string };

/**
 * Compares, day by day, what the appliance recorded with what central holds:
 * the count and a digest over every item. Acks say central took each batch;
 * this says the stores really agree, and catches a central restored from an
 * old backup or an item changed on either side.
 */
export class Reconciler {
  constructor(
    private readonly store: RelayStore,
    private readonly client: CentralClient,
    private readonly applianceId: string,
  ) {}

  async compare(day: string): Promise<DayComparison> {
    const start = Date.parse(`${day}T00:00:00.000Z`);
    // Items enter the outbox when they happen; two days either side covers a clock that was off.
    const candidates = this.store.itemsRecordedBetween(start - 2 * DAY_MS, start + 3 * DAY_MS);
    const delivered = this.store.deliveredThrough();
    const digests: string[] = [];
    for (const candidate of candidates) {
      const parsed = SyncItem.safeParse(JSON.parse(candidate.json));
      if (!parsed.success || !itemTime(parsed.data).startsWith(day)) continue;
      if (candidate.seq > delivered) return { day, status: 'pending' };
      digests.push(itemDigest(parsed.data));
    }
    const local = { count: digests.length, digest: dayDigest(digests) };
    let response;
    try {
      response = await this.client.request('GET', `${paths.reconcile(this.applianceId)}?day=${day}`);
    } catch (error) {
      if (error instanceof CentralUnreachable) return { day, status: 'unreachable', reason: error.message };
      throw error;
    }
    const central = ReconcileDay.safeParse(response.body);
    if (response.status !== 200 || !central.success) return { day, status: 'unreachable', reason: `central answered ${String(response.status)}` };
    if (central.data.count === local.count && central.data.digest === local.digest) return { day, status: 'match', count: local.count };
    return { day, status: 'mismatch', local, central: { count: central.data.count, digest: central.data.digest } };
  }
}
