import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { EMPTY, filter, firstValueFrom, timeout } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../main/common/contract/config.js';
import { AuditTrail } from '../../../main/core/audit/audit-trail.js';
import { OfficerStore } from '../../../main/core/auth/officer-store.js';
import { CaptureService } from '../../../main/core/capture/capture-service.js';
import { loadOrCreateApplianceKey } from '../../../main/core/keys/appliance-key.js';
import { outboxAdditions } from '../../../main/core/outbox/outbox.js';
import { openStore } from '../../../main/core/store/open-store.js';
import { OutboxRelayStore } from '../../../main/core/sync/outbox-relay-store.js';
import { CentralClient } from '../../../sync/relay/central-client.js';
import { DEFAULT_RELAY_OPTIONS, Relay } from '../../../sync/relay/relay.js';
import { startTestCentral } from '../../rigs/central.js';
import { SPECIMEN_PASSPORT } from '../../rigs/specimens.js';
import { tempDir } from '../../rigs/temp-dir.js';

const log = pino({ level: 'silent' });

describe('a batch with a wrong signature', () => {
  it('is refused with 401, and the record stays pending', async () => {
    const dataDir = tempDir();
    const store = await openStore({ dataDir, log, integrityBudgetMs: 5_000 });
    const config = { ...defaultConfig('uto-forged-lane'), readers: [] };
    const key = loadOrCreateApplianceKey(dataDir);
    const audit = new AuditTrail(store.db, config.applianceId);
    new OfficerStore(store.db).create({ id: 'uto-guard-1', displayName: 'Guard', roles: ['guard'], pinHash: 'x', mustChangePin: false }, new Date());
    const capture = new CaptureService({ db: store.db, audit, config, visaRules: new Map(), scans$: EMPTY, log });
    const assessment = capture.manualEntry(SPECIMEN_PASSPORT, 'TD3', 'uto-guard-1');
    capture.record({ assessmentId: assessment.id, direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] }, notes: '' }, 'uto-guard-1');

    const central = await startTestCentral({ applianceId: config.applianceId, publicKeyBase64: key.publicKeyBase64 });
    // Names the registered key, but the signature is not its own.
    const forger = { publicKeyBase64: key.publicKeyBase64, sign: () => randomBytes(64) };
    const relayStore = new OutboxRelayStore(store.db);
    const relay = new Relay(relayStore, new CentralClient({ url: central.url, applianceId: config.applianceId, signer: forger, requestTimeoutMs: 2_000 }), config.applianceId, {
      ...DEFAULT_RELAY_OPTIONS,
      blockedRetryMs: 100,
    });
    relay.start(outboxAdditions(store.db));
    const blocked = await firstValueFrom(relay.status$.pipe(filter((status) => status.state === 'blocked'), timeout(10_000)));
    expect(blocked.reason).toMatch(/401 bad_signature/);
    expect(blocked.backlog).toBe(3);
    expect(relayStore.deliveredThrough()).toBe(0);
    expect(central.items(config.applianceId)).toEqual([]);
    await relay.stop();
    capture.close();
    await store.close();
  });
});
