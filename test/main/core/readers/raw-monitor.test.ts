import fc from 'fast-check';
import { Subject, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { ReceivedChunk } from '../../../../drivers/index.js';
import { rawMonitorEvents } from '../../../../main/core/readers/raw-monitor.js';

function chunk(bytes: Uint8Array): ReceivedChunk {
  return { readerId: 'desk', bytes: Buffer.from(bytes), monotonicMs: 0, receivedAt: '2026-12-07T10:00:00.000Z' };
}

describe('the raw monitor feed', () => {
  it('shows the bytes in order up to its cap per event and counts every byte it leaves out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 40 }), fc.integer({ min: 1, max: 2000 }), async (chunks, cap) => {
        const source = new Subject<ReceivedChunk>();
        const events = lastValueFrom(rawMonitorEvents('desk', source, () => 42, { windowMs: 10_000, maxBytesPerEvent: cap }).pipe(toArray()));
        for (const bytes of chunks) source.next(chunk(bytes));
        source.complete();
        const sent = Buffer.concat(chunks.map((bytes) => Buffer.from(bytes)));
        const shown = (await events).flatMap((event) => event.chunks.map((part) => Buffer.from(part.hex, 'hex')));
        const dropped = (await events).reduce((sum, event) => sum + event.droppedBytes, 0);
        const kept = Buffer.concat(shown);
        expect(kept.length).toBe(Math.min(cap, sent.length));
        expect(kept.equals(sent.subarray(0, kept.length))).toBe(true);
        expect(kept.length + dropped).toBe(sent.length);
        for (const event of await events) expect(event).toMatchObject({ readerId: 'desk', totalBytes: 42 });
      }),
    );
  });

  it('sends nothing while the reader is silent', async () => {
    const source = new Subject<ReceivedChunk>();
    const events: unknown[] = [];
    const subscription = rawMonitorEvents('desk', source, () => 0, { windowMs: 5, maxBytesPerEvent: 10 }).subscribe((event) => events.push(event));
    await new Promise((resolve) => setTimeout(resolve, 40));
    source.next(chunk(new Uint8Array([0x50, 0x3c])));
    await new Promise((resolve) => setTimeout(resolve, 40));
    subscription.unsubscribe();
    expect(events).toEqual([{ readerId: 'desk', chunks: [{ at: '2026-12-07T10:00:00.000Z', hex: '503c' }], droppedBytes: 0, totalBytes: 0 }]);
  });
});
