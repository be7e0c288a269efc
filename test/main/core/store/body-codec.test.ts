import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredBodyError, decodeStoredBody, dictionaryDigests, encodeAuditBody, encodeRecordBody } from '../../../../main/core/store/body-codec.js';

describe('a stored body', () => {
  it('gives back exactly the text it was given, whatever the text, with either dictionary', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4000 }), fc.boolean(), (text, audit) => {
        expect(decodeStoredBody(audit ? encodeAuditBody(text) : encodeRecordBody(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a typical crossing and a typical audit event in a small fraction of their JSON size', () => {
    const crossing = JSON.stringify({
      v: 1,
      kind: 'crossing',
      id: '01a22450-004c-7638-b1e2-35323872b550',
      seq: 41,
      document: { lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4'] },
      checks: [{ code: 'mrz', outcome: 'pass', reason: 'intact' }],
    });
    const event =
      '{"action":"decision","applianceId":"uto-lane-1","at":"2026-11-28T22:39:12.460Z","chainIndex":2,"details":{"assessmentId":"01a22450-0041-7638-b1e2-35323872b551","direction":"entry","outcome":"admit","recordId":"01a22450-004c-7638-b1e2-35323872b550"},"id":"01a22450-0055-74fb-9be2-d4197b1e571d","officerId":"uto-guard-1","seq":3,"v":1}';
    expect(encodeRecordBody(crossing).length).toBeLessThan(crossing.length / 2);
    expect(encodeAuditBody(event).length).toBeLessThan(event.length / 2);
  });

  it('keeps its dictionaries unchanged, so that bodies written with them stay readable', () => {
    expect(dictionaryDigests()).toEqual({
      '1': '271eec40738d8ee82fc5a5a40a343aa8e3eb50b4a0b9970ba5381abc6cf1566e',
      '2': '5f94e04af1f63982ef6fd96789e46b3bdf6797f6facd15521a0527a064ad7ac8',
    });
  });

  it('reports a foreign or truncated body as a StoredBodyError, never as text', () => {
    const body = encodeRecordBody('{"v":1,"kind":"crossing"}');
    for (const damaged of [Buffer.of(7, 1, 2, 3), Buffer.of(1), 'text', null, 42, Buffer.concat([body.subarray(0, 1), Buffer.from('not deflate')])]) {
      expect(() => decodeStoredBody(damaged)).toThrow(StoredBodyError);
    }
  });
});
