import { describe, expect, it } from 'vitest';
import { StartUpResources } from '../../../../main/core/app/start-up-resources.js';

describe('the resources a start-up has taken', () => {
  it('releases them newest first, waiting for each', async () => {
    const resources = new StartUpResources();
    const order: string[] = [];
    resources.defer(() => {
      order.push('store');
    });
    resources.defer(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push('readers');
    });
    resources.defer(() => {
      order.push('timer');
    });
    expect(await resources.closeAll()).toEqual([]);
    expect(order).toEqual(['timer', 'readers', 'store']);
    expect(await resources.closeAll()).toEqual([]);
    expect(order).toHaveLength(3);
  });

  it('carries on past a release that throws and collects its error', async () => {
    const resources = new StartUpResources();
    const order: string[] = [];
    resources.defer(() => {
      order.push('first');
    });
    resources.defer(() => {
      throw new Error('cannot close');
    });
    resources.defer(() => Promise.reject(new Error('cannot stop')));
    const errors = await resources.closeAll();
    expect(errors.map((error) => (error as Error).message)).toEqual(['cannot stop', 'cannot close']);
    expect(order).toEqual(['first']);
  });

});
