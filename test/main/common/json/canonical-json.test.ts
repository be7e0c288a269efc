import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../main/common/json/canonical-json.js';
import { auditItem, crossingItem, voidItem } from '../../../sync/central/specimen-items.js';

/** The outcome of a canonicaliser: its text, or that it refused. */
function outcome(canonicalise: (value: unknown) => string | undefined, value: unknown): string {
  try {
    const text = canonicalise(value);
    return text === undefined ? 'throws' : `ok ${text}`;
  } catch {
    return 'throws';
  }
}

/** The RFC 8785 reference the project depends on: what canonicalJson must always agree with. */
const reference = (value: unknown): string | undefined => canonicalize(value);

const awkwardKey = fc.constantFrom('__proto__', 'constructor', 'toJSON', '10', '9', '', 'é', 'e\u0301', '😀', 'a"b', 'line\nbreak', '\ud800', 'Z', 'a');

class Stamp {
  constructor(readonly at: string) {}
}

describe('canonical JSON', () => {
  it('is byte for byte the reference on any parsed JSON value, and refuses what it refuses', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }),
      fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
      fc.dictionary(awkwardKey, fc.jsonValue({ maxDepth: 3 })),
    );
    fc.assert(
      fc.property(value, (generated) => {
        // What central canonicalises is always what JSON.parse gave it.
        const parsed: unknown = JSON.parse(JSON.stringify(generated));
        expect(outcome(canonicalJson, parsed)).toBe(outcome(reference, parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives input that is already canonical back unchanged, however awkward its keys and strings', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.dictionary(awkwardKey, fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' })));
    fc.assert(
      fc.property(value, (generated) => {
        const canonical = outcome(reference, generated);
        // What an appliance sends: text already in canonical form (when it has one), parsed by central.
        const parsed: unknown = canonical === 'throws' ? JSON.parse(JSON.stringify(generated)) : JSON.parse(canonical.slice(3));
        expect(outcome(canonicalJson, parsed)).toBe(outcome(reference, parsed));
      }),
      { numRuns: 2000 },
    );
    expect(canonicalJson(JSON.parse('{"10":1,"9":2}'))).toBe('{"10":1,"9":2}');
    expect(canonicalJson(JSON.parse('{"a":"back\\\\udc00slash"}'))).toBe('{"a":"back\\\\udc00slash"}');
  });

  it('agrees with the reference on values JSON.parse never makes: toJSON, undefined, holes, class instances, boxed values, cycles', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const shared = { b: 1 };
    const values: unknown[] = [
      { at: new Date(Date.UTC(2026, 0, 2)), a: 1 },
      { a: { toJSON: () => ({ z: 1, b: 2 }) } },
      { a: { toJSON: () => undefined }, b: 1 },
      { a: undefined, b: () => 1, c: Symbol('s') },
      [undefined, () => 1, Symbol('s')],
      // A hole reads as undefined, and JSON writes it as null.
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { a: new Map([['k', 1]]), b: new Set([1]) },
      { a: new Stamp('2026-01-02') },
      [new Number(1), new String('s'), new Boolean(false)],
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      { a: shared, b: shared },
      cyclic,
      { n: 1n },
      { n: Number.NaN },
      undefined,
      () => 1,
    ];
    for (const value of values) expect(outcome(canonicalJson, value)).toBe(outcome(reference, value));
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 0, 2)) })).toBe('{"at":"2026-01-02T00:00:00.000Z"}');
    expect(outcome(canonicalJson, cyclic)).toBe('throws');
  });

  it('agrees on numbers at the edges, which both print the ECMAScript way', () => {
    for (const text of ['-0', '1e21', '1E-7', '0.1', '123456789012345678901234567890', '5e-324', '1.7976931348623157e308', '1e400', '-1e400']) {
      const parsed: unknown = JSON.parse(`{"n": ${text}, "list": [${text}]}`);
      expect(outcome(canonicalJson, parsed), text).toBe(outcome(reference, parsed));
    }
    expect(outcome(canonicalJson, JSON.parse('{"n": 1e400}'))).toBe('throws');
  });

  it('refuses a lone surrogate in a value or a key, and keeps a surrogate pair', () => {
    for (const text of ['{"a": "\\ud800"}', '{"\\udc00": 1}', '["ok", ["\\ud83d"]]']) {
      const parsed: unknown = JSON.parse(text);
      expect(outcome(canonicalJson, parsed), text).toBe('throws');
      expect(outcome(reference, parsed), text).toBe('throws');
    }
    expect(canonicalJson(JSON.parse('{"a": "\\ud83d\\ude00"}'))).toBe('{"a":"😀"}');
  });

  it('agrees on the items an appliance sends, sorted or not, and on nesting deeper than any item', () => {
    for (const item of [crossingItem(1, undefined, 1024), auditItem(2), voidItem(3, '0190b7d6-2d55-7c6e-8d3a-1f2e3d4c5b6a')]) {
      const asBuilt: unknown = JSON.parse(JSON.stringify(item));
      const asStored: unknown = JSON.parse(outcome(reference, item).slice(3));
      expect(canonicalJson(asBuilt)).toBe(reference(asBuilt));
      expect(canonicalJson(asStored)).toBe(reference(asBuilt));
    }
    const deep: unknown = JSON.parse(`${'[{"a":'.repeat(500)}1${'}]'.repeat(500)}`);
    expect(canonicalJson(deep)).toBe(reference(deep));
  });
});
