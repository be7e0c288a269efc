import type { ServerResponse } from 'node:http';
import type * as z from 'zod';
import { ErrorBody, type ErrorCode } from '../protocol/wire.js';

/** An answer ready to write: its status and, unless 204, its JSON text already checked against the wire schema. */
export interface Reply {
  readonly status: number;
  readonly json?: string;
  /** Set when the request body was not (fully) read, so the connection cannot carry another request. */
  readonly closeConnection?: boolean;
}

/** A 2xx answer whose body is checked against its wire schema first: central answers only in the protocol's shapes. */
export function replyWith<S extends z.ZodType>(status: number, schema: S, body: z.input<S>): Reply {
  return { status, json: JSON.stringify(schema.parse(body)) };
}

export function errorReply(status: number, error: ErrorCode, message?: string, extra: { ackedThroughSeq?: number; closeConnection?: boolean } = {}): Reply {
  const body: ErrorBody = {
    error,
    ...(message === undefined ? {} : { message: message.slice(0, 500) }),
    ...(extra.ackedThroughSeq === undefined ? {} : { ackedThroughSeq: extra.ackedThroughSeq }),
  };
  return { status, json: JSON.stringify(ErrorBody.parse(body)), ...(extra.closeConnection === true ? { closeConnection: true } : {}) };
}

/** Thrown by a step of request handling to stop there and answer with its reply. */
export class Refusal extends Error {
  constructor(readonly reply: Reply) {
    super(`refused with ${String(reply.status)}`);
    this.name = 'Refusal';
  }
}

export function refuse(status: number, error: ErrorCode, message?: string, extra: { ackedThroughSeq?: number; closeConnection?: boolean } = {}): Refusal {
  return new Refusal(errorReply(status, error, message, extra));
}

/**
 * Writes the reply. `bodyUnread` is set when central answered before reading
 * the whole request (a refusal on the headers alone): the connection is then
 * closed rather than kept alive, so that a stranger cannot keep central
 * reading and discarding an endless body.
 */
export function writeReply(res: ServerResponse, reply: Reply, bodyUnread = false): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (reply.closeConnection === true || bodyUnread) headers.connection = 'close';
  if (reply.json === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  const body = Buffer.from(reply.json, 'utf8');
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json', 'content-length': String(body.length) }).end(body);
}
