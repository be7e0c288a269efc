import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UploadBatch } from '../../../sync/protocol/wire.js';
import { BatchEncoder } from '../../../sync/relay/batch-encoder.js';
import type { PendingItem } from '../../../sync/relay/relay-port.js';
import { mixedItem } from '../central/specimen-items.js';

function pending(seq: number): PendingItem {
  const item = mixedItem(seq);
  return { seq, kind: item.kind, json: JSON.stringify(item) };
}

/** Cuts items into consecutive slices at the given points, as the relay's reads do. */
function sliced(items: readonly PendingItem[], cuts: readonly number[]): PendingItem[][] {
  const points = [...new Set(cuts.map((cut) => cut % (items.length + 1)))].sort((a, b) => a - b);
  const slices: PendingItem[][] = [];
  let start = 0;
  for (const point of [...points, items.length]) {
    slices.push(items.slice(start, point));
    start = point;
  }
  return slices;
}

describe('an upload batch encoded as it is read', () => {
  it('is the same valid batch whatever slices its items arrive in', async () => {
    // Up to 300 items (some 200 KB): the text reaches gzip in several pieces, or only at the end.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 300 }), fc.array(fc.nat(), { maxLength: 12 }), async (fromSeq, count, cuts) => {
        const items = Array.from({ length: count }, (_, index) => pending(fromSeq + index));
        const encoder = new BatchEncoder();
        for (const slice of sliced(items, cuts)) encoder.add(slice);
        expect(encoder.items).toBe(count);
        expect(encoder.size).toBe(items.reduce((sum, item) => sum + item.json.length, 0));
        const batch = await encoder.finish();
        expect(batch).toMatchObject({ fromSeq, toSeq: fromSeq + count - 1 });
        const body: unknown = JSON.parse(gunzipSync(batch?.bytes ?? Buffer.alloc(0)).toString('utf8'));
        const parsed = UploadBatch.parse(body);
        expect(parsed.records.map((record) => record.seq)).toEqual(items.map((item) => item.seq));
        expect((body as { records: unknown[] }).records).toEqual(items.map((item) => JSON.parse(item.json) as unknown));
      }),
      { numRuns: 60 },
    );
  });

  it('gives no batch when nothing was added', async () => {
    const encoder = new BatchEncoder();
    encoder.add([]);
    expect(await encoder.finish()).toBeUndefined();
  });
});
