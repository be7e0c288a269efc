/**
 * What a UART set to the wrong speed or format receives: the sender's line, sampled as a 16x
 * oversampling receiver at another baud rate would. This is the garbage a reader set to 9,600 baud
 * produces in a host port set to 115,200 (and the other way round); a pty ignores baud rates, so
 * the tests feed it these bytes.
 */

export interface LineFormat {
  readonly baud: number;
  readonly dataBits: 7 | 8;
  readonly parity: 'none' | 'even';
}

/** The line level, bit by bit, for these bytes sent back to back in this format (idle high before and after). */
function lineBits(bytes: Uint8Array, format: LineFormat): number[] {
  const bits: number[] = [1, 1];
  for (const byte of bytes) {
    bits.push(0);
    let ones = 0;
    for (let bit = 0; bit < format.dataBits; bit++) {
      const value = (byte >> bit) & 1;
      ones += value;
      bits.push(value);
    }
    if (format.parity === 'even') bits.push(ones % 2);
    bits.push(1);
  }
  bits.push(1, 1, 1, 1);
  return bits;
}

/** The bytes an 8N1 receiver at `receiverBaud` reads from that line; framing errors read as 0x00, as Linux does without PARMRK. */
export function receivedByMisconfiguredPort(bytes: Uint8Array, sent: LineFormat, receiverBaud: number): Buffer {
  const bits = lineBits(bytes, sent);
  const senderBit = 1 / sent.baud;
  const receiverBit = 1 / receiverBaud;
  const end = bits.length * senderBit;
  const level = (t: number): number => bits[Math.floor(t / senderBit)] ?? 1;
  const received: number[] = [];
  let t = 0;
  const step = receiverBit / 16;
  while (t < end) {
    if (level(t) !== 0) {
      t += step;
      continue;
    }
    // A falling edge: check the start bit mid-way, then sample eight data bits and the stop bit.
    if (level(t + receiverBit / 2) !== 0) {
      t += step;
      continue;
    }
    let byte = 0;
    for (let bit = 0; bit < 8; bit++) byte |= level(t + receiverBit * (1.5 + bit)) << bit;
    const stop = level(t + receiverBit * 9.5);
    received.push(stop === 1 ? byte : 0);
    t += receiverBit * 9.5 + step;
  }
  return Buffer.from(received);
}
