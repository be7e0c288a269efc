import { describe, expect, it } from 'vitest';
import { formatUptime } from '../../../renderer/shared/format.js';

describe('uptime as the status screen shows it', () => {
  it('reads as hours, minutes and seconds', () => {
    expect(formatUptime(0)).toBe('0:00:00');
    expect(formatUptime(59_999)).toBe('0:00:59');
    expect(formatUptime(3_725_000)).toBe('1:02:05');
  });

  it('spells out days for an appliance that has run for weeks', () => {
    expect(formatUptime((2 * 86_400 + 3 * 3600) * 1000)).toBe('2 d 03:00:00');
  });
});
