import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredBodyError, decodeStoredBody, dictionaryDigests, encodeAuditBody, encodeRecordBody } from '../../../../main/core/store/body-codec.js';
import { AUDIT_DICTIONARY_V1 } from '../../../../main/core/store/body-dictionaries.js';

const EVENT =
  '{"action":"decision","applianceId":"uto-lane-1","at":"2026-11-28T22:39:12.460Z","chainIndex":2,"details":{"assessmentId":"01a22450-0041-7638-b1e2-35323872b551","direction":"entry","outcome":"admit","recordId":"01a22450-004c-7638-b1e2-35323872b550"},"id":"01a22450-0055-74fb-9be2-d4197b1e571d","officerId":"uto-guard-1","seq":3,"v":1}';

describe('a stored body', () => {
  it('gives back exactly the text it was given, whatever the text, crossing or audit event', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 4000 }), fc.boolean(), (text, audit) => {
        expect(decodeStoredBody(audit ? encodeAuditBody(text) : encodeRecordBody(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a typical crossing in a small fraction of its JSON size', () => {
    const crossing = JSON.stringify({
      v: 1,
      kind: 'crossing',
      id: '01a22450-004c-7638-b1e2-35323872b550',
      seq: 41,
      document: { lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F3404159<<<<<<<<<<<<<<<4'] },
      checks: [{ code: 'mrz', outcome: 'pass', reason: 'intact' }],
    });
    expect(encodeRecordBody(crossing).length).toBeLessThan(crossing.length / 2);
  });

  it('keeps an audit event as its text, one codec byte ahead, so that reading it back inflates nothing', () => {
    const stored = encodeAuditBody(EVENT);
    expect(stored[0]).toBe(0);
    expect(stored.subarray(1).toString('utf8')).toBe(EVENT);
  });

  it('still reads audit events that were stored deflated with the audit dictionary', () => {
    const deflated = Buffer.concat([Buffer.of(2), deflateRawSync(Buffer.from(EVENT), { dictionary: AUDIT_DICTIONARY_V1 })]);
    expect(decodeStoredBody(deflated)).toBe(EVENT);
  });

  it('keeps its dictionaries unchanged, so that bodies written with them stay readable', () => {
    expect(dictionaryDigests()).toEqual({
      '1': '271eec40738d8ee82fc5a5a40a343aa8e3eb50b4a0b9970ba5381abc6cf1566e',
      '2': '5f94e04af1f63982ef6fd96789e46b3bdf6797f6facd15521a0527a064ad7ac8',
    });
  });

  it('reports a foreign or truncated body as a StoredBodyError, never as text', () => {
    const body = encodeRecordBody('{"v":1,"kind":"crossing"}');
    const notUtf8 = Buffer.of(0, 0x7b, 0xff, 0x7d);
    for (const damaged of [Buffer.of(7, 1, 2, 3), Buffer.of(1), Buffer.alloc(0), 'text', null, 42, Buffer.concat([body.subarray(0, 1), Buffer.from('not deflate')]), notUtf8]) {
      expect(() => decodeStoredBody(damaged)).toThrow(StoredBodyError);
    }
  });
});
