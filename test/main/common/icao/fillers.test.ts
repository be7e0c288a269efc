import { describe, expect, it } from 'vitest';
import { withoutFillersAtEnds, withoutTrailingFillers } from '../../../../main/common/icao/fillers.js';

describe('fillers', () => {
  it('strips trailing fillers of codes and numbers', () => {
    expect(withoutTrailingFillers('D<<', 0, 3)).toBe('D');
    expect(withoutTrailingFillers('I<', 0, 2)).toBe('I');
    expect(withoutTrailingFillers('<<<', 0, 3)).toBe('');
    expect(withoutTrailingFillers('xL898902C<<y', 1, 11)).toBe('L898902C');
    expect(withoutTrailingFillers('<AB', 0, 3)).toBe('<AB');
  });

  it('strips fillers at both ends of optional data, keeping inner ones', () => {
    expect(withoutFillersAtEnds('<<AB<CD<<', 0, 9)).toBe('AB<CD');
    expect(withoutFillersAtEnds('<<<<', 0, 4)).toBe('');
  });
});
