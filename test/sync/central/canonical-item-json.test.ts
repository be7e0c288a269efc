import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../main/common/json/canonical-json.js';
import { canonicalParsedJson } from '../../../sync/central/canonical-item-json.js';
import { auditItem, crossingItem, voidItem } from './specimen-items.js';

/** The outcome of a canonicaliser: its text, or that it refused. */
function outcome(canonicalise: (value: unknown) => string, value: unknown): string {
  try {
    return `ok ${canonicalise(value)}`;
  } catch {
    return 'throws';
  }
}

const awkwardKey = fc.constantFrom('__proto__', 'constructor', '10', '9', '', 'é', 'e\u0301', '😀', 'a"b', 'line\nbreak', '\ud800', 'Z', 'a');

describe("central's canonical JSON of parsed items", () => {
  it('is byte for byte the canonicalJson of any parsed JSON value, and refuses what it refuses', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }),
      fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
      fc.dictionary(awkwardKey, fc.jsonValue({ maxDepth: 3 })),
    );
    fc.assert(
      fc.property(value, (generated) => {
        // Through the wire: what central canonicalises is always what JSON.parse gave it.
        const parsed: unknown = JSON.parse(JSON.stringify(generated));
        expect(outcome(canonicalParsedJson, parsed)).toBe(outcome(canonicalJson, parsed));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives input that is already canonical back unchanged, however awkward its keys and strings', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.dictionary(awkwardKey, fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' })));
    fc.assert(
      fc.property(value, (generated) => {
        const canonical = outcome(canonicalJson, generated);
        // What an appliance sends: text already in canonical form (when it has one), parsed by central.
        const parsed: unknown = canonical === 'throws' ? JSON.parse(JSON.stringify(generated)) : JSON.parse(canonical.slice(3));
        expect(outcome(canonicalParsedJson, parsed)).toBe(outcome(canonicalJson, parsed));
      }),
      { numRuns: 2000 },
    );
    expect(canonicalParsedJson(JSON.parse('{"10":1,"9":2}'))).toBe('{"10":1,"9":2}');
    expect(canonicalParsedJson(JSON.parse('{"a":"back\\\\udc00slash"}'))).toBe('{"a":"back\\\\udc00slash"}');
  });

  it('agrees on numbers at the edges, which both print the ECMAScript way', () => {
    for (const text of ['-0', '1e21', '1E-7', '0.1', '123456789012345678901234567890', '5e-324', '1.7976931348623157e308', '1e400', '-1e400']) {
      const parsed: unknown = JSON.parse(`{"n": ${text}, "list": [${text}]}`);
      expect(outcome(canonicalParsedJson, parsed), text).toBe(outcome(canonicalJson, parsed));
    }
    expect(outcome(canonicalParsedJson, JSON.parse('{"n": 1e400}'))).toBe('throws');
  });

  it('refuses a lone surrogate in a value or a key, as canonicalJson does', () => {
    for (const text of ['{"a": "\\ud800"}', '{"\\udc00": 1}', '["ok", ["\\ud83d"]]']) {
      const parsed: unknown = JSON.parse(text);
      expect(outcome(canonicalParsedJson, parsed), text).toBe('throws');
      expect(outcome(canonicalJson, parsed), text).toBe('throws');
    }
    expect(canonicalParsedJson(JSON.parse('{"a": "\\ud83d\\ude00"}'))).toBe('{"a":"😀"}');
  });

  it('agrees on the items the appliance sends, and on nesting deeper than any item', () => {
    for (const item of [crossingItem(1, undefined, 1024), auditItem(2), voidItem(3, '0190b7d6-2d55-7c6e-8d3a-1f2e3d4c5b6a')]) {
      const parsed: unknown = JSON.parse(JSON.stringify(item));
      expect(canonicalParsedJson(parsed)).toBe(canonicalJson(parsed));
    }
    const deep: unknown = JSON.parse(`${'[{"a":'.repeat(500)}1${'}]'.repeat(500)}`);
    expect(canonicalParsedJson(deep)).toBe(canonicalJson(deep));
  });
});
