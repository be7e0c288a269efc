import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeResponse, SW_SUCCESS, type ChipChannel } from './apdu.js';
import { retailMac, tripleDesCbc } from './block-ciphers.js';
import { ChipAuthenticationError, ChipProtocolError, ChipStatusError } from './chip-errors.js';
import { deriveKey } from './key-derivation.js';
import { mrzInformation, type MrzKeyFields } from './mrz-information.js';
import { pad } from './padding.js';
import { SecureMessaging } from './secure-messaging.js';

/** The Document Basic Access Keys of Doc 9303-11, 9.7.2: what the printed MRZ unlocks. */
export interface BacKeys {
  readonly encryption: Buffer;
  readonly mac: Buffer;
}

export function bacKeys(fields: MrzKeyFields): BacKeys {
  const seed = createHash('sha1').update(mrzInformation(fields), 'latin1').digest().subarray(0, 16);
  return { encryption: deriveKey(seed, '3DES', 'encryption'), mac: deriveKey(seed, '3DES', 'mac') };
}

/** The terminal's secrets for one mutual authentication: RND.IFD and K.IFD. */
export interface TerminalNonces {
  readonly rndIfd: Buffer;
  readonly kIfd: Buffer;
}

export function freshTerminalNonces(): TerminalNonces {
  return { rndIfd: randomBytes(8), kIfd: randomBytes(16) };
}

/** E.IFD || M.IFD, the data of EXTERNAL AUTHENTICATE. */
export function terminalCryptogram(keys: BacKeys, rndIc: Buffer, nonces: TerminalNonces): Buffer {
  const encrypted = tripleDesCbc(keys.encryption, Buffer.alloc(8), Buffer.concat([nonces.rndIfd, rndIc, nonces.kIfd]), 'encrypt');
  return Buffer.concat([encrypted, retailMac(keys.mac, pad(encrypted, 8))]);
}

/**
 * Checks the chip's answer to EXTERNAL AUTHENTICATE (E.IC || M.IC) and makes
 * the session: a chip that cannot MAC with the MRZ's keys, or does not echo
 * our nonce, is not the document whose MRZ was read.
 */
export function bacSession(keys: BacKeys, rndIc: Buffer, nonces: TerminalNonces, answer: Buffer): SecureMessaging {
  if (answer.length !== 40) throw new ChipProtocolError(`the chip's BAC answer is 40 bytes, not ${String(answer.length)}`);
  const encrypted = answer.subarray(0, 32);
  if (!timingSafeEqual(retailMac(keys.mac, pad(encrypted, 8)), answer.subarray(32))) throw new ChipAuthenticationError('the chip\'s BAC answer has a wrong MAC: the MRZ does not match the chip');
  const plain = tripleDesCbc(keys.encryption, Buffer.alloc(8), encrypted, 'decrypt');
  if (!plain.subarray(0, 8).equals(rndIc) || !plain.subarray(8, 16).equals(nonces.rndIfd)) throw new ChipAuthenticationError('the chip did not return the challenge of this authentication');
  const kIc = plain.subarray(16, 32);
  const seed = Buffer.alloc(16);
  for (let at = 0; at < 16; at += 1) seed[at] = (nonces.kIfd[at] ?? 0) ^ (kIc[at] ?? 0);
  const ssc = Buffer.concat([rndIc.subarray(4, 8), nonces.rndIfd.subarray(4, 8)]);
  return new SecureMessaging('3DES', deriveKey(seed, '3DES', 'encryption'), deriveKey(seed, '3DES', 'mac'), ssc);
}

const GET_CHALLENGE = Buffer.from([0x00, 0x84, 0x00, 0x00, 0x08]);

/** Basic Access Control over a channel: GET CHALLENGE, then EXTERNAL AUTHENTICATE; the secure session it opens. */
export async function performBac(channel: ChipChannel, fields: MrzKeyFields, nonces: TerminalNonces = freshTerminalNonces()): Promise<SecureMessaging> {
  const keys = bacKeys(fields);
  const challenge = decodeResponse(await channel.transmit(GET_CHALLENGE));
  if (challenge.statusWord !== SW_SUCCESS) throw new ChipStatusError('GET CHALLENGE', challenge.statusWord);
  if (challenge.data.length !== 8) throw new ChipProtocolError(`the chip's challenge is 8 bytes, not ${String(challenge.data.length)}`);
  const cryptogram = terminalCryptogram(keys, challenge.data, nonces);
  const command = Buffer.concat([Buffer.from([0x00, 0x82, 0x00, 0x00, cryptogram.length]), cryptogram, Buffer.from([0x28])]);
  const answer = decodeResponse(await channel.transmit(command));
  // 6300 (or 6982) is how a chip says the MRZ keys are wrong.
  if (answer.statusWord !== SW_SUCCESS) throw new ChipAuthenticationError(`the chip refused BAC (${answer.statusWord.toString(16).toUpperCase()}): the MRZ does not match the chip`);
  return bacSession(keys, challenge.data, nonces, answer.data);
}
