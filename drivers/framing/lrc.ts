/**
 * The longitudinal redundancy check (BCC) that STX/ETX readers append: the XOR of every byte
 * after STX up to and including ETX, as in ISO 1155 and the readers' serial protocols.
 */
export function longitudinalRedundancyCheck(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let check = 0;
  for (let index = start; index < end; index++) check ^= bytes[index] ?? 0;
  return check;
}
