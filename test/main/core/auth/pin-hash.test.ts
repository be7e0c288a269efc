import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from '../../../../main/core/auth/pin-hash.js';

// A low cost keeps the tests quick; the format and comparison are the same.
const TEST_COST = { N: 1 << 10, r: 8, p: 1 };

describe('PIN hashes', () => {
  it('accept the PIN they were made from and refuse any other', async () => {
    const stored = await hashPin('482913', TEST_COST);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPin('482913', stored)).toBe(true);
    expect(await verifyPin('482914', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('never store the PIN, and differ for the same PIN (salted)', async () => {
    const first = await hashPin('482913', TEST_COST);
    const second = await hashPin('482913', TEST_COST);
    expect(first).not.toContain('482913');
    expect(first).not.toBe(second);
  });

  it('use the full default cost when none is given', async () => {
    const stored = await hashPin('482913');
    expect(stored.startsWith('scrypt$32768$8$1$')).toBe(true);
    expect(await verifyPin('482913', stored)).toBe(true);
  });

  it('never match a damaged stored hash', async () => {
    for (const damaged of ['', 'plain-text-pin', 'scrypt$0$8$1$AAAA$BBBB', 'scrypt$1024$8$1$c2FsdA==$c2hvcnQ=', 'bcrypt$1$2$3$4$5']) {
      expect(await verifyPin('482913', damaged)).toBe(false);
    }
  });
});
