/**
 * The worked example of Doc 9303 Part 11, Appendix D (BAC and 3DES secure
 * messaging for the specimen document L898902C<, born 1969-08-06, expiring
 * 1994-06-23), as ICAO publishes it: the terminal's code and the test chip are
 * each pinned to these bytes, so that a mistake they share cannot pass.
 */
const hex = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'hex');

export const APPENDIX_D = {
  fields: { documentNumber: 'L898902C', birthDate: '690806', expiryDate: '940623' },
  mrzInformation: 'L898902C<369080619406236',
  kSeed: hex('239AB9CB282DAF66231DC5A4DF6BFBAE'),
  kEnc: hex('AB94FDECF2674FDFB9B391F85D7F76F2'),
  kMac: hex('7962D9ECE03D1ACD4C76089DCE131543'),
  rndIc: hex('4608F91988702212'),
  rndIfd: hex('781723860C06C226'),
  kIfd: hex('0B795240CB7049B01C19B33E32804F0B'),
  kIc: hex('0B4F80323EB3191CB04970CB4052790B'),
  /** EXTERNAL AUTHENTICATE's data, E.IFD || M.IFD. */
  terminalCryptogram: hex('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2 5F1448EEA8AD90A7'),
  /** The chip's answer, E.IC || M.IC. */
  chipCryptogram: hex('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F 2F2D235D074D7449'),
  ksEnc: hex('979EC13B1CBFE9DCD01AB0FED307EAE5'),
  ksMac: hex('F1CB1F1FB5ADF208806B89DC579DC1F8'),
  ssc: hex('887022120C06C226'),
  /** The protected exchanges of D.4: SELECT EF.COM, READ BINARY of its first 4 bytes, then of the 18 that follow. */
  exchanges: [
    { command: { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: hex('011E') }, protectedCommand: hex('0CA4020C15 8709016375432908C044F6 8E08BF8B92D635FF24F8 00'), protectedResponse: hex('99029000 8E08FA855A5D4C50A8ED 9000'), data: hex(''), statusWord: 0x9000 },
    { command: { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, expected: 4 }, protectedCommand: hex('0CB000000D 970104 8E08ED6705417E96BA55 00'), protectedResponse: hex('8709019FF0EC34F9922651 99029000 8E08AD55CC17140B2DED 9000'), data: hex('60145F01'), statusWord: 0x9000 },
    { command: { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x04, expected: 0x12 }, protectedCommand: hex('0CB000040D 970112 8E082EA28A70F3C7B535 00'), protectedResponse: hex('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A 99029000 8E08C8B2787EAEA07D74 9000'), data: hex('04303130365F36063034303030305C026175'), statusWord: 0x9000 },
  ],
} as const;
