import { PORT_FLOW_ACK_EVERY_BYTES, utf8ByteLength, type PortFlowAck } from '../../main/common/contract/port-flow.js';

export interface PortAcks {
  /** Counts one RPC text as handled; acks at once past the window, else soon after the burst. */
  consumed(text: string): void;
  /** Stops a pending idle ack (the port is closing). */
  stop(): void;
}

/**
 * The page's half of the port's flow control (see main/common/contract/port-flow.ts):
 * tells the core, cumulatively, how many bytes of RPC text it has handled. One
 * ack per 64 KiB keeps it cheap; an idle timer acks the tail of a burst so the
 * core's count returns to zero.
 */
export function portAcks(post: (ack: PortFlowAck) => void, everyBytes = PORT_FLOW_ACK_EVERY_BYTES): PortAcks {
  let consumed = 0;
  let acked = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const flush = (): void => {
    if (idle !== undefined) clearTimeout(idle);
    idle = undefined;
    if (stopped || consumed === acked) return;
    acked = consumed;
    post({ type: 'ack', bytes: consumed });
  };
  return {
    consumed(text) {
      if (stopped) return;
      consumed += utf8ByteLength(text);
      if (consumed - acked >= everyBytes) flush();
      else idle ??= setTimeout(flush, 0);
    },
    stop() {
      stopped = true;
      if (idle !== undefined) clearTimeout(idle);
      idle = undefined;
    },
  };
}
