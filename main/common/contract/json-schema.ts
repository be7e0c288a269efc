import * as z from 'zod';
import { RpcErrorCode } from './rpc-errors.js';
import { rpcMethods, rpcStreams } from './rpc-methods.js';
import { ClientMessage, MAX_MESSAGE_BYTES, RPC_PROTOCOL_VERSION, RPC_SUBPROTOCOL, ServerMessage, TOKEN_SUBPROTOCOL_PREFIX } from './rpc-wire.js';

/**
 * The whole RPC contract as JSON Schema (draft 2020-12), generated from the zod
 * schemas, for integrators and external test tools. Params are described as
 * clients may send them (defaults optional), results and events as the core sends them.
 */
export function contractAsJsonSchema(): Record<string, unknown> {
  const input = (schema: z.ZodType): unknown => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  const output = (schema: z.ZodType): unknown => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  return {
    name: 'sahman-rpc',
    protocolVersion: RPC_PROTOCOL_VERSION,
    transport: {
      websocket: {
        path: '/rpc',
        subprotocol: RPC_SUBPROTOCOL,
        tokenSubprotocolPrefix: TOKEN_SUBPROTOCOL_PREFIX,
        maxMessageBytes: MAX_MESSAGE_BYTES,
        closeCodeMessageTooBig: 1009,
      },
      electron: 'the same JSON text messages over a MessagePort',
    },
    messages: { client: input(ClientMessage), server: output(ServerMessage) },
    errorCodes: RpcErrorCode.options,
    methods: Object.fromEntries(
      Object.entries(rpcMethods).map(([name, spec]) => [
        name,
        { summary: spec.summary, access: spec.access, params: input(spec.params), result: output(spec.result) },
      ]),
    ),
    streams: Object.fromEntries(
      Object.entries(rpcStreams).map(([name, spec]) => [
        name,
        { summary: spec.summary, access: spec.access, params: input(spec.params), event: output(spec.event) },
      ]),
    ),
  };
}
