import { performance } from 'node:perf_hooks';
import { timer, map } from 'rxjs';
import type { ApplianceConfig } from '../../common/contract/config.js';
import type { SystemInfo, UptimeEvent } from '../../common/contract/rpc-methods.js';
import { RPC_PROTOCOL_VERSION } from '../../common/contract/rpc-wire.js';
import type { RpcHandlers } from '../rpc/handlers.js';

export type CoreHostKind = SystemInfo['host'];

export interface SystemServiceOptions {
  readonly config: ApplianceConfig;
  readonly version: string;
  readonly host: CoreHostKind;
}

/** The appliance's identity and liveness: what the status screen shows. */
export class SystemService {
  private readonly startedAtWall = new Date();
  /** Uptime comes from the monotonic clock so that a wall-clock jump does not bend it. */
  private readonly startedAtMonotonic = performance.now();

  constructor(private readonly options: SystemServiceOptions) {}

  info(): SystemInfo {
    const { config } = this.options;
    return {
      applianceId: config.applianceId,
      crossingPoint: { ...config.crossingPoint },
      lane: config.lane,
      directionDefault: config.directionDefault,
      version: this.options.version,
      idleLockSeconds: 300,
      protocolVersion: RPC_PROTOCOL_VERSION,
      host: this.options.host,
      startedAt: this.startedAtWall.toISOString(),
    };
  }

  uptime(): UptimeEvent {
    return { uptimeMs: Math.round(performance.now() - this.startedAtMonotonic), at: new Date().toISOString() };
  }

  handlers(): Pick<RpcHandlers['methods'], 'system.info' | 'system.ping'> &
    Pick<RpcHandlers['streams'], 'system.uptime'> {
    return {
      'system.info': () => this.info(),
      'system.ping': () => ({ at: Date.now() }),
      'system.uptime': ({ intervalMs }) => timer(0, intervalMs).pipe(map(() => this.uptime())),
    };
  }
}
