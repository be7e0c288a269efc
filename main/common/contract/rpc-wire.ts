import * as z from 'zod';
import { RpcErrorBody } from './rpc-errors.js';

/**
 * The RPC wire protocol: JSON text messages over a WebSocket (sahman serve) or
 * an Electron MessagePort (the kiosk). One protocol for both hosts.
 */
export const RPC_PROTOCOL_VERSION = 1;

/** WebSocket subprotocol names: the token travels as a subprotocol, never in a URL. */
export const RPC_SUBPROTOCOL = `sahman-rpc.v${String(RPC_PROTOCOL_VERSION)}`;
export const TOKEN_SUBPROTOCOL_PREFIX = 'sahman-token.';

/** Larger messages close a WebSocket with 1009 (message too big). */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

export const RequestId = z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(64)]);
export type RequestId = z.infer<typeof RequestId>;

const MethodName = z.string().min(1).max(128);

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), id: RequestId, method: MethodName, params: z.unknown().optional() }),
  z.object({ type: z.literal('subscribe'), id: RequestId, stream: MethodName, params: z.unknown().optional() }),
  z.object({ type: z.literal('unsubscribe'), id: RequestId }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: RequestId, result: z.unknown() }),
  /** id is null when the request's id could not be read (invalid JSON). */
  z.object({ type: z.literal('error'), id: RequestId.nullable(), error: RpcErrorBody }),
  z.object({ type: z.literal('event'), id: RequestId, event: z.unknown() }),
  /** A stream ended normally. */
  z.object({ type: z.literal('complete'), id: RequestId }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
