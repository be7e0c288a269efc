/**
 * What can go wrong talking to an e-passport chip, each a clear message and
 * never a crash: the reader sees garbage, a forged chip, or a chip taken
 * away mid-read.
 */
export class ChipError extends Error {
  override readonly name: string = 'ChipError';
}

/** The chip's answer is not what Doc 9303 or ISO/IEC 7816-4 allow (a TLV past its end, a missing object). */
export class ChipProtocolError extends ChipError {
  override readonly name = 'ChipProtocolError';
}

/** Access control or secure messaging failed: wrong MRZ keys, a bad MAC, a chip that is not the one authenticated. */
export class ChipAuthenticationError extends ChipError {
  override readonly name = 'ChipAuthenticationError';
}

/** The chip answered a command with a status word other than success. */
export class ChipStatusError extends ChipError {
  override readonly name = 'ChipStatusError';
  constructor(
    readonly command: string,
    readonly statusWord: number,
  ) {
    super(`${command}: the chip answered ${statusWord.toString(16).toUpperCase().padStart(4, '0')}`);
  }
}

/** What the caller gave is unusable as MRZ information (a date that is not YYMMDD, an empty number). */
export class ChipInputError extends ChipError {
  override readonly name = 'ChipInputError';
}

/** The chip left the reader's field (or the reader went) before the read was done. */
export class ChipRemovedError extends ChipError {
  override readonly name = 'ChipRemovedError';
}
