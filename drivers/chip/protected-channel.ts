import { decodeResponse, encodeCommand, type ChipChannel, type CommandApdu, type ResponseApdu } from './apdu.js';
import type { SecureMessaging } from './secure-messaging.js';

/** A channel whose every command goes under the session's secure messaging, and whose every answer is checked. */
export class ProtectedChannel {
  constructor(
    private readonly channel: ChipChannel,
    private readonly session: SecureMessaging,
  ) {}

  async send(command: CommandApdu): Promise<ResponseApdu> {
    return this.session.unprotect(await this.channel.transmit(this.session.protect(command)));
  }
}

/** For commands sent before access control: plain APDUs. */
export async function sendPlain(channel: ChipChannel, command: CommandApdu): Promise<ResponseApdu> {
  return decodeResponse(await channel.transmit(encodeCommand(command)));
}
