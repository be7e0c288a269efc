import canonicalize from 'canonicalize';

/** Deeper than any value the project canonicalises; past it the library's iterative walk decides, whatever the stack allows. */
const MAX_FAST_DEPTH = 64;

/**
 * True when JSON.stringify already writes the value in RFC 8785 form: plain
 * data only (no toJSON, no undefined, no class instances or boxed
 * primitives, finite numbers), and every object's keys, in the order
 * JSON.stringify takes them, in code-unit order. Anything else answers false
 * and goes to the library, which is the reference for every case.
 */
function stringifiesCanonically(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth >= MAX_FAST_DEPTH) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    // A hole or an undefined element reads as undefined here, so it too goes to the library.
    for (const element of value as unknown[]) if (!stringifiesCanonically(element, depth + 1)) return false;
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  // for…in takes own keys in JSON.stringify's order (integer-like keys first, whatever order they were made in).
  // It would also take a polluted Object.prototype's keys, after the own ones: a subsequence of sorted keys is sorted too.
  for (const key in record) {
    // The default string order compares UTF-16 code units: the order RFC 8785 requires.
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!stringifiesCanonically(record[key], depth + 1)) return false;
  }
  return true;
}

/**
 * RFC 8785 canonical JSON: the same value always gives the same bytes, so that
 * hashes and signatures over it (the audit chain, sync digests, what central
 * stores) do not depend on key order or number formatting.
 *
 * Most values the project canonicalises are already in that form (items
 * travel as the canonical text they were stored as, and central parses and
 * canonicalises each one it receives), so one check and a native stringify
 * answer those; the `canonicalize` package answers everything else. A test
 * holds the two paths to the same bytes and the same refusals.
 */
export function canonicalJson(value: unknown): string {
  if (stringifiesCanonically(value, 0)) {
    const text = JSON.stringify(value);
    // JSON.stringify writes a lone surrogate as \udXXX, where RFC 8785 refuses it; any "\ud" in the text
    // (a lone surrogate, or an escaped backslash before "ud") goes the library's way, which decides.
    if (!text.includes('\\ud')) return text;
  }
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}
