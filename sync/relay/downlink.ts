import { DeltaKind, SignedDelta, paths, type DeltaChange } from '../protocol/wire.js';
import { deltaSigningPayload, ed25519PublicKey, verifyEd25519 } from '../protocol/signing.js';
import { CentralUnreachable, type CentralClient } from './central-client.js';

/** Where downloaded reference data lives; the core implements it over SQLite. */
export interface ReferenceStore {
  version(kind: DeltaKind): number;
  /** Applies one delta in one transaction, only if the stored version is still fromVersion. */
  apply(kind: DeltaKind, fromVersion: number, toVersion: number, changes: readonly DeltaChange[]): Promise<void>;
}

export type DownlinkOutcome =
  | { readonly kind: DeltaKind; readonly status: 'applied'; readonly fromVersion: number; readonly toVersion: number; readonly changes: number; readonly signedAt: string }
  /** signedAt: central signed that toVersion is still its latest, so the list is vouched for as of then. */
  | { readonly kind: DeltaKind; readonly status: 'current'; readonly version: number; readonly signedAt: string }
  | { readonly kind: DeltaKind; readonly status: 'refused'; readonly reason: string }
  | { readonly kind: DeltaKind; readonly status: 'unreachable'; readonly reason: string };

/**
 * Alert lists, visa rules and config updates, fetched by version as deltas
 * signed with central's key. The key is pinned in the appliance's config: a
 * delta that does not verify against it, or that does not start at the version
 * held here, is refused and nothing is applied.
 */
export class Downlink {
  private readonly centralKey;

  constructor(
    private readonly client: CentralClient,
    private readonly applianceId: string,
    centralPublicKeyBase64: string,
    private readonly store: ReferenceStore,
  ) {
    this.centralKey = ed25519PublicKey(centralPublicKeyBase64);
  }

  async refreshAll(): Promise<DownlinkOutcome[]> {
    const outcomes: DownlinkOutcome[] = [];
    for (const kind of DeltaKind.options) outcomes.push(await this.refresh(kind));
    return outcomes;
  }

  async refresh(kind: DeltaKind): Promise<DownlinkOutcome> {
    const since = this.store.version(kind);
    let response;
    try {
      response = await this.client.request('GET', `${paths.deltas(this.applianceId)}?kind=${kind}&since=${String(since)}`);
    } catch (error) {
      if (error instanceof CentralUnreachable) return { kind, status: 'unreachable', reason: error.message };
      throw error;
    }
    if (response.status !== 200) return { kind, status: 'unreachable', reason: `central answered ${String(response.status)}` };
    const delta = SignedDelta.safeParse(response.body);
    if (!delta.success) return { kind, status: 'refused', reason: 'the answer is not a signed delta' };
    const { data } = delta;
    if (data.kind !== kind || data.fromVersion !== since) return { kind, status: 'refused', reason: `the delta is for ${data.kind} from version ${String(data.fromVersion)}` };
    if (!verifyEd25519(this.centralKey, deltaSigningPayload(this.applianceId, data), data.signature)) {
      return { kind, status: 'refused', reason: "the delta's signature does not verify against the pinned central key" };
    }
    if (data.toVersion === since) return { kind, status: 'current', version: since, signedAt: data.signedAt };
    try {
      await this.store.apply(kind, data.fromVersion, data.toVersion, data.changes);
    } catch (error) {
      return { kind, status: 'refused', reason: error instanceof Error ? error.message : 'the delta could not be applied' };
    }
    return { kind, status: 'applied', fromVersion: data.fromVersion, toVersion: data.toVersion, changes: data.changes.length, signedAt: data.signedAt };
  }
}
