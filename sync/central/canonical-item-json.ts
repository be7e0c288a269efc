import { canonicalJson } from '../../main/common/json/canonical-json.js';

/** Deeper than any item the schemas accept; below it the library's iterative walk takes over. */
const MAX_DEPTH = 64;
/** Items repeat the same few dozen keys; their quoted forms are worth keeping, within reason. */
const MAX_CACHED_KEYS = 4096;

class TooDeep extends Error {}

const quotedKeys = new Map<string, string>();

function isWellFormed(text: string): boolean {
  // String.prototype.isWellFormed is in Node 20 but not in the ES2023 library types.
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function quoted(text: string): string {
  if (!isWellFormed(text)) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(text);
}

function member(key: string): string {
  let prefix = quotedKeys.get(key);
  if (prefix === undefined) {
    prefix = `${quoted(key)}:`;
    if (quotedKeys.size < MAX_CACHED_KEYS) quotedKeys.set(key, prefix);
  }
  return prefix;
}

function walk(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quoted(value);
    case 'number':
      // JSON.parse turns 1e400 into Infinity, which has no canonical form.
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (depth >= MAX_DEPTH) throw new TooDeep();
      if (Array.isArray(value)) {
        let out = '[';
        for (let index = 0; index < value.length; index++) out += (index === 0 ? '' : ',') + walk(value[index], depth + 1);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // The default sort compares UTF-16 code units: the order RFC 8785 requires.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (let index = 0; index < keys.length; index++) {
        const key = keys[index] ?? '';
        out += (index === 0 ? '' : ',') + member(key) + walk(record[key], depth + 1);
      }
      return `${out}}`;
    }
    default:
      throw new Error('not a JSON value');
  }
}

/**
 * True when JSON.stringify already writes the value canonically: every
 * object's keys, in the order JSON.stringify takes them, are in code-unit
 * order, and every number is finite. An appliance sends its items that way,
 * so central's usual work is this check and one native stringify.
 */
function stringifiesCanonically(value: unknown, depth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const element of value as unknown[]) if (!stringifiesCanonically(element, depth + 1)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  // for…in takes own keys in JSON.stringify's order (integer-like keys first, whatever the text said); parsed JSON has no inherited enumerable keys.
  for (const key in record) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!stringifiesCanonically(record[key], depth + 1)) return false;
  }
  return true;
}

/**
 * canonicalJson() of a value JSON.parse returned, byte for byte, in a
 * fraction of the time: parsed JSON has no toJSON, cycles or undefined to
 * allow for, and central canonicalises every item it receives. Throws where
 * canonicalJson() throws; a test holds the two equal.
 */
export function canonicalParsedJson(value: unknown): string {
  if (stringifiesCanonically(value, 0)) {
    const text = JSON.stringify(value);
    // JSON.stringify writes a lone surrogate as \udXXX; the walk refuses it. Any "\ud" (a lone surrogate,
    // or a backslash before "ud" in the text) goes the careful way.
    if (!text.includes('\\ud')) return text;
  }
  try {
    return walk(value, 0);
  } catch (error) {
    if (error instanceof TooDeep) return canonicalJson(value);
    throw error;
  }
}
