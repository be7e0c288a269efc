import * as z from 'zod';

/**
 * Flow control on the kiosk's MessagePort. A MessagePort reports no queue
 * size, so the core counts the UTF-8 bytes of every RPC text it posts and the
 * page tells it, now and then, how many it has consumed in all. The difference
 * is what the RPC session sees as the link's buffered bytes, exactly like a
 * WebSocket's bufferedAmount.
 *
 * The RPC itself travels as strings; an ack travels as a structured-clone
 * object, so the two can never be confused.
 */

/** Page -> core: the cumulative count of UTF-8 bytes of RPC text the page has handled on this port. */
export const PortFlowAck = z
  .object({
    type: z.literal('ack'),
    bytes: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  })
  .strict();
export type PortFlowAck = z.infer<typeof PortFlowAck>;

/** The page acks once at least this many bytes were consumed since its last ack (and when it goes idle). */
export const PORT_FLOW_ACK_EVERY_BYTES = 64 * 1024;

/**
 * Whether a port message claims to be an ack: an object whose `type` is "ack".
 * Such a message belongs to flow control even when malformed and must never
 * reach the RPC session; check it with PortFlowAck.
 */
export function isPortFlowAckLike(data: unknown): data is { readonly type: 'ack' } {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && (data as { type?: unknown }).type === 'ack';
}

/**
 * The UTF-8 length of a string, without allocating: the renderer has no
 * Buffer. A lone surrogate counts 3 bytes (U+FFFD), as Buffer.byteLength and
 * TextEncoder do.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        index++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
