import canonicalize from 'canonicalize';

/**
 * RFC 8785 canonical JSON: the same value always gives the same bytes, so that
 * hashes and signatures over it (the audit chain, sync digests) do not depend
 * on key order or number formatting.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value has no JSON form');
  return text;
}
