import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServerMessage } from '../../../../main/common/contract/rpc-wire.js';
import { startCore, type Core } from '../../../../main/core/app/core.js';
import type { RpcConnection } from '../../../../main/core/rpc/connection.js';
import { tempDir } from '../../../rigs/temp-dir.js';

/** A link that records what the core answers, as a WebSocket would carry it. */
function recordingConnection(): RpcConnection & { readonly sent: string[]; readonly closedWith: number[] } {
  const sent: string[] = [];
  const closedWith: number[] = [];
  return {
    id: 'fuzz',
    sent,
    closedWith,
    send: (text) => sent.push(text),
    bufferedBytes: () => 0,
    close: (code) => closedWith.push(code),
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Messages shaped like requests, with every part allowed to be wrong. */
const requestLike = fc.record(
  {
    type: fc.constantFrom('call', 'subscribe', 'unsubscribe', 'result', 'CALL', ''),
    id: fc.oneof(fc.nat(), fc.string({ maxLength: 70 }), fc.constant(null), fc.double(), fc.constant(-1)),
    method: fc.oneof(fc.constantFrom('system.info', 'system.ping', 'system.uptime', '__proto__', 'constructor', 'toString'), fc.string()),
    stream: fc.oneof(fc.constantFrom('system.uptime', 'diagnostics.linkTest', 'hasOwnProperty'), fc.string()),
    params: fc.oneof(fc.anything(), fc.constant({}), fc.record({ intervalMs: fc.integer() }), fc.record({ count: fc.integer({ min: -2, max: 3 }) })),
  },
  { requiredKeys: [] },
);

async function withCore(run: (core: Core) => Promise<void>): Promise<void> {
  const core = await startCore({ dataDir: tempDir(), host: 'embedded' });
  try {
    await run(core);
  } finally {
    await core.close();
  }
}

describe('an RPC session fed anything at all', () => {
  it('never throws, answers every call exactly once, and only with messages of the protocol', async () => {
    await withCore(async (core) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.string(), fc.json(), requestLike.map((value) => JSON.stringify(value))), async (text) => {
          const connection = recordingConnection();
          const session = core.openSession(connection);
          expect(() => {
            session.receive(text);
          }).not.toThrow();
          await settle();
          session.dispose();
          for (const answer of connection.sent) expect(ServerMessage.safeParse(JSON.parse(answer)).success).toBe(true);
          const parsed = ((): unknown => {
            try {
              return JSON.parse(text);
            } catch {
              return undefined;
            }
          })();
          const isCall = typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === 'call';
          if (isCall) {
            const finals = connection.sent.filter((answer) => /"type":"(result|error)"/.test(answer));
            expect(finals).toHaveLength(1);
          }
          expect(connection.closedWith).toEqual([]);
        }),
        { numRuns: 2000 },
      );
    });
  });

  it('never lets a method name reach inherited object properties', async () => {
    await withCore(async (core) => {
      const connection = recordingConnection();
      const session = core.openSession(connection);
      for (const method of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
        session.receive(JSON.stringify({ type: 'call', id: method, method }));
      }
      await settle();
      expect(connection.sent.map((text) => (JSON.parse(text) as { error?: { code: string } }).error?.code)).toEqual([
        'unknown_method',
        'unknown_method',
        'unknown_method',
        'unknown_method',
      ]);
      session.dispose();
    });
  });
});
