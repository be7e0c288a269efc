import { describe, expect, it } from 'vitest';
import { screensFor } from '../../../renderer/app/screens.js';

describe('the screens an officer can switch between', () => {
  it('follow the officer’s roles, in navigation order', () => {
    expect(screensFor(['guard'])).toEqual(['lane']);
    expect(screensFor(['supervisor'])).toEqual(['second-line', 'shift', 'audit', 'officers', 'status']);
    expect(screensFor(['technician'])).toEqual(['audit', 'readers', 'central-link', 'diagnostics', 'officers', 'status']);
    expect(screensFor(['technician', 'guard'])).toEqual(['lane', 'audit', 'readers', 'central-link', 'diagnostics', 'officers', 'status']);
  });
});
