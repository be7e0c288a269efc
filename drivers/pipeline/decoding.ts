import type { Framing } from '../framing/framings.js';
import type { HidDecoderName } from '../spec/reader-spec.js';

/**
 * How a session's chunks turn into frames: a byte stream cut by a framing (serial, the simulator,
 * a serial capture), or HID reports read by a decoder (a device, an HID capture).
 */
export type Decoding =
  | { readonly input: 'bytes'; readonly framing: Framing }
  | { readonly input: 'hid-reports'; readonly decoder: HidDecoderName };
