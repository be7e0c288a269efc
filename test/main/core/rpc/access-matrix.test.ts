import { describe, expect, it } from 'vitest';
import { rpcMethods, rpcStreams, type MethodName, type StreamName } from '../../../../main/common/contract/rpc-methods.js';
import type { Role } from '../../../../main/common/contract/roles.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { addOfficers } from '../../../rigs/officers.js';
import { nextMessage, openSocket, whenOpen } from '../../../rigs/ws-rpc.js';

/** Valid params for every method and stream: the compiler insists on one per name. */
const sampleParams: Record<MethodName | StreamName, unknown> = {
  'auth.login': { officerId: 'nobody-here', pin: '000000' },
  'auth.logout': {},
  'auth.whoami': {},
  'auth.changePin': { currentPin: '999999', newPin: '123456' },
  'auth.session': {},
  'auth.activity': {},
  'auth.lock': {},
  'auth.unlock': { pin: '000000' },
  'capture.manualEntry': {
    format: 'TD3',
    fields: { documentCode: 'P', issuingState: 'UTO', documentNumber: 'L898902C3', nationality: 'UTO', birthDate: '740812', sex: 'F', expiryDate: '320415', surname: 'ERIKSSON', givenNames: 'ANNA MARIA' },
  },
  'capture.wedge': { text: 'P<UTOERIKSSON<<ANNA<MARIA' },
  'capture.record': { assessmentId: '01a22400-0000-7000-8000-000000000000', direction: 'entry', decision: { outcome: 'admit', reasons: ['documents-in-order'] } },
  'capture.assessments': {},
  'capture.acknowledgeHits': { assessmentId: '01a22400-0000-7000-8000-000000000000' },
  'capture.hitHold': { assessmentId: '01a22400-0000-7000-8000-000000000000' },
  'alerts.override': { assessmentId: '01a22400-0000-7000-8000-000000000000', reason: 'second line cleared the traveller' },
  'alerts.openHits': {},
  'alerts.review': { assessmentId: '01a22400-0000-7000-8000-000000000000', hitId: 'document-list:UTO:L898902C3:P', finding: 'false-match', note: 'a different traveller of the same name' },
  'crossings.recent': {},
  'crossings.void': { crossingId: '01a22400-0000-7000-8000-000000000000', reason: 'typed into the wrong lane' },
  // A guard (what a supervisor may create) and unknown ids: allowed by access, and no caller's account changes.
  'officers.list': {},
  'officers.create': { id: 'uto-matrix-guard', displayName: 'Officer Utopia Matrix', roles: ['guard'] },
  'officers.update': { id: 'nobody-here', displayName: 'Officer Utopia Nobody' },
  'officers.setActive': { id: 'nobody-here', active: true },
  'officers.resetPin': { id: 'nobody-here' },
  'supervisor.laneActivity': {},
  'referrals.queue': {},
  'referrals.take': { referralId: '01a22400-0000-7000-8000-000000000000' },
  'referrals.resolve': { referralId: '01a22400-0000-7000-8000-000000000000', outcome: 'admitted', reason: 'papers in order after interview' },
  'audit.events': {},
  'audit.verify': {},
  'export.records': { since: '2026-01-01T00:00:00.000Z', until: '2026-01-02T00:00:00.000Z', format: 'jsonl' },
  'diagnostics.bundle': {},
  'central.linkTest': {},
  'central.registration': {},
  'central.settings': {},
  // Refused by the core's own check (not https), after the access check: nothing changes.
  'central.saveSettings': { url: 'ftp://central.invalid/', deliveryDeadlineMinutes: 15 },
  'system.info': {},
  'system.ping': {},
  'system.uptime': { intervalMs: 1000 },
  'readers.status': {},
  'readers.simulateScan': { readerId: 'simulator', kind: 'valid' },
  // Unknown readers: refused by the console after the access check, so nothing changes.
  'readers.devices': {},
  'readers.save': { id: 'matrix-probe', spec: 'sim:?interval=0', replaces: 'nobody-here' },
  'readers.remove': { id: 'nobody-here' },
  'readers.testScan': { readerId: 'nobody-here', timeoutSeconds: 1 },
  'readers.raw': { readerId: 'nobody-here' },
  'scans.live': {},
  'diagnostics.linkTest': { count: 1 },
  'sync.status': {},
  'alerts.freshness': {},
  'sync.deadLetters': {},
  'sync.requeue': { seq: 1 },
};

interface Reply {
  readonly type: string;
  readonly id: unknown;
  readonly error?: { readonly code: string };
}

const callers: readonly { name: string; roles: readonly Role[]; pin?: string; mustChangePin?: boolean }[] = [
  { name: 'nobody', roles: [] },
  { name: 'guard', roles: ['guard'], pin: '111111' },
  { name: 'supervisor', roles: ['supervisor'], pin: '222222' },
  { name: 'tech', roles: ['technician'], pin: '333333' },
  { name: 'all-roles', roles: ['guard', 'supervisor', 'technician'], pin: '444444' },
  { name: 'new-guard', roles: ['guard'], pin: '555555', mustChangePin: true },
];

describe('every method and stream, called by every role', () => {
  it('lets through exactly the roles the contract names, and nobody before a one-time PIN is changed', async () => {
    const appliance = await startInProcessAppliance();
    await addOfficers(
      appliance.dataDir,
      callers.flatMap((caller) => (caller.pin === undefined ? [] : [{ id: caller.name, pin: caller.pin, roles: caller.roles, mustChangePin: caller.mustChangePin ?? false }])),
    );
    const outcomes: string[] = [];
    const names = [...Object.keys(rpcMethods), ...Object.keys(rpcStreams)] as (MethodName | StreamName)[];
    for (const caller of callers) {
      for (const name of names) {
        const socket = openSocket(appliance.host.port, { token: appliance.host.token });
        await whenOpen(socket);
        if (caller.pin !== undefined) {
          const signedIn = nextMessage(socket);
          socket.send(JSON.stringify({ type: 'call', id: 'login', method: 'auth.login', params: { officerId: caller.name, pin: caller.pin } }));
          expect(await signedIn, `${caller.name} signs in`).toMatchObject({ type: 'result' });
        }
        const isStream = name in rpcStreams;
        // A stream may stay silent for a while; a ping sent after it is answered after any refusal of it.
        const replies: Reply[] = [];
        const pinged = new Promise<void>((resolve) => {
          socket.on('message', (data: Buffer) => {
            const message = JSON.parse(data.toString('utf8')) as Reply;
            replies.push(message);
            // A call's answer may come after the ping's: some methods hash a PIN first, slowly on a loaded machine.
            const answered = isStream || replies.some((reply) => reply.id === 1);
            if (answered && replies.some((reply) => reply.id === 'ping')) resolve();
          });
        });
        socket.send(JSON.stringify(isStream ? { type: 'subscribe', id: 1, stream: name, params: sampleParams[name] } : { type: 'call', id: 1, method: name, params: sampleParams[name] }));
        socket.send(JSON.stringify({ type: 'call', id: 'ping', method: 'system.ping' }));
        await pinged;
        const reply: Reply = replies.find((message) => message.id === 1) ?? { type: 'none', id: 1 };
        socket.close();

        const spec = isStream ? rpcStreams[name as StreamName] : rpcMethods[name as MethodName];
        const beforePinChange = 'beforePinChange' in spec;
        const allowedRole = spec.access === 'anyone' || spec.access.some((role) => caller.roles.includes(role));
        const expected =
          spec.access === 'anyone'
            ? 'allowed'
            : caller.pin === undefined
              ? 'unauthenticated'
              : !allowedRole || (caller.mustChangePin === true && !beforePinChange)
                ? 'forbidden'
                : 'allowed';
        const actual = reply.error?.code === 'unauthenticated' || reply.error?.code === 'forbidden' ? reply.error.code : 'allowed';
        outcomes.push(`${caller.name} ${name}: ${actual}`);
        expect(actual, `${caller.name} calling ${name}`).toBe(expected);
      }
    }
    expect(outcomes).toHaveLength(callers.length * names.length);
  }, 60_000);
});
