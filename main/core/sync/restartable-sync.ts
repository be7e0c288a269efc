import { BehaviorSubject, switchMap } from 'rxjs';
import type { ApplianceConfig } from '../../common/contract/config.js';
import type { RpcHandlers } from '../rpc/handlers.js';
import { SyncService, type SyncServiceOptions } from './sync-service.js';

/**
 * The link to central, restartable with new central settings while the core
 * runs. The old relay stops before the new one starts, so that two relays
 * never send from one outbox; the outbox is durable, so nothing waits but
 * the time of the restart. Screens that follow `sync.status` follow the new
 * relay without resubscribing.
 */
export class RestartableSync {
  private readonly current$: BehaviorSubject<SyncService>;
  private changes: Promise<unknown> = Promise.resolve();

  private constructor(
    private options: SyncServiceOptions,
    first: SyncService,
  ) {
    this.current$ = new BehaviorSubject(first);
  }

  static async start(options: SyncServiceOptions): Promise<RestartableSync> {
    return new RestartableSync(options, await SyncService.start(options));
  }

  get status(): SyncService['status'] {
    return this.current$.value.status;
  }

  /**
   * Stops the relay and the downlink and starts them with `config`. When the
   * new ones cannot start, the old settings are started again and the error
   * goes on to the caller.
   */
  restart(config: ApplianceConfig): Promise<void> {
    const next = this.changes.then(async () => {
      const previous = this.options;
      await this.current$.value.close();
      try {
        this.options = { ...previous, config };
        this.current$.next(await SyncService.start(this.options));
      } catch (error) {
        this.options = previous;
        this.current$.next(await SyncService.start(previous));
        throw error;
      }
    });
    this.changes = next.catch(() => undefined);
    return next;
  }

  handlers(): Pick<RpcHandlers['methods'], 'sync.deadLetters' | 'sync.requeue'> & Pick<RpcHandlers['streams'], 'sync.status'> {
    return {
      'sync.deadLetters': (params, context) => this.current$.value.handlers()['sync.deadLetters'](params, context),
      'sync.requeue': (params, context) => this.current$.value.handlers()['sync.requeue'](params, context),
      'sync.status': (params, context) => this.current$.pipe(switchMap((sync) => sync.handlers()['sync.status'](params, context))),
    };
  }

  async close(): Promise<void> {
    await this.changes;
    await this.current$.value.close();
    this.current$.complete();
  }
}
