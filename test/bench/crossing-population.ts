/**
 * A lane's history made through the real capture use-case, as the store and
 * supervisor benches need it: generated Utopian travellers over some days and
 * lanes, nine in ten admitted, one in twenty refused, one in twenty referred.
 */
import { performance } from 'node:perf_hooks';
import { EMPTY } from 'rxjs';
import { defaultConfig } from '../../main/common/contract/config.js';
import type { DecisionOutcome, ManualDocumentFields } from '../../main/common/contract/crossing.js';
import { AuditTrail } from '../../main/core/audit/audit-trail.js';
import { OfficerStore } from '../../main/core/auth/officer-store.js';
import { hashPin } from '../../main/core/auth/pin-hash.js';
import { CaptureService } from '../../main/core/capture/capture-service.js';
import { openStore } from '../../main/core/store/open-store.js';
import { seededRandom } from '../../drivers/simulator/seeded-random.js';

export interface CrossingPopulation {
  readonly records: number;
  readonly days: number;
  readonly lanes: number;
  /** When the last record is made, epoch ms: the first comes `days` before. */
  readonly endMs: number;
}

/** Generated Utopian travellers, each crossing a few times: never real people. */
export function traveller(random: () => number, travellers: number): ManualDocumentFields {
  const index = Math.floor(random() * travellers);
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const name = (seed: number, length: number): string =>
    Array.from({ length }, (_, i) => letters[(seed * 7 + i * 13 + Math.floor(seed / (i + 1))) % 26] ?? 'A').join('');
  return {
    documentCode: 'P',
    issuingState: 'UTO',
    documentNumber: `U${String(index).padStart(8, '0')}`,
    nationality: 'UTO',
    birthDate: `${String(50 + (index % 50)).padStart(2, '0')}${String(1 + (index % 12)).padStart(2, '0')}${String(1 + (index % 28)).padStart(2, '0')}`,
    sex: index % 2 === 0 ? 'F' : 'M',
    expiryDate: '330101',
    surname: name(index, 6 + (index % 6)),
    givenNames: name(index + 1, 4 + (index % 5)),
  };
}


export async function fillCrossings(dataDir: string, shape: CrossingPopulation): Promise<{ seconds: number; end: Date }> {
  const { records: RECORDS, days: DAYS, lanes: LANES } = shape;
  const log = (await import('pino')).pino({ level: 'silent' });
  const store = await openStore({ dataDir, log, integrityBudgetMs: 60_000 });
  // Only the fill runs without fsync: size and query speed do not depend on it, and a
  // million fsyncs would take the bench past its budget. Record latency above is measured with it.
  store.db.pragma('synchronous = OFF');
  const officers = new OfficerStore(store.db);
  const pinHash = await hashPin('000000', { N: 1 << 10, r: 8, p: 1 });
  for (let lane = 1; lane <= LANES; lane++) officers.create({ id: `uto-guard-${String(lane)}`, displayName: 'Guard', roles: ['guard'], pinHash, mustChangePin: false }, new Date());
  const start = shape.endMs - DAYS * 86_400_000;
  const stepMs = (DAYS * 86_400_000) / RECORDS;
  let clock = start;
  const now = (): Date => new Date(clock);
  const base = defaultConfig('uto-bench');
  const audit = new AuditTrail(store.db, base.applianceId);
  const lanes = Array.from(
    { length: LANES },
    (_, index) =>
      new CaptureService({ db: store.db, audit, config: { ...base, lane: index + 1 }, visaRules: new Map([['UTO', 'visa-free']]), scans$: EMPTY, log, now }),
  );
  const random = seededRandom(5);
  const started = performance.now();
  for (let i = 0; i < RECORDS; i++) {
    clock = start + i * stepMs;
    const lane = lanes[i % LANES];
    if (lane === undefined) throw new Error('no lane');
    const assessment = lane.manualEntry(traveller(random, RECORDS / 4), 'TD3', `uto-guard-${String((i % LANES) + 1)}`);
    const roll = random();
    const outcome: DecisionOutcome = roll < 0.9 ? 'admit' : roll < 0.95 ? 'refuse' : 'refer';
    lane.record(
      { assessmentId: assessment.id, direction: random() < 0.5 ? 'entry' : 'exit', decision: { outcome, reasons: [outcome === 'admit' ? 'documents-in-order' : 'further-checks'] }, notes: '' },
      `uto-guard-${String((i % LANES) + 1)}`,
    );
  }
  const seconds = (performance.now() - started) / 1000;
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  return { seconds, end: new Date(clock) };
}
