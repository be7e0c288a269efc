import type { Observable } from 'rxjs';
import type { ExportEvent, ExportRequest } from '../../common/contract/rpc-methods.js';
import type { DiagnosticsBundle } from '../../common/contract/diagnostics.js';
import { signedInOfficerId, type RpcHandlers } from '../rpc/handlers.js';
import type { AuditService } from '../audit/audit-service.js';
import { authHandlers } from '../auth/auth-handlers.js';
import type { AuthService } from '../auth/auth-service.js';
import type { captureHandlers } from '../capture/capture-handlers.js';
import { officerHandlers } from '../officers/officer-handlers.js';
import type { OfficerService } from '../officers/officer-service.js';
import type { ReaderService } from '../readers/reader-service.js';
import type { ReaderConsole } from '../readers/reader-console.js';
import { diagnosticsHandlers } from '../services/diagnostics-service.js';
import type { SystemService } from '../services/system-service.js';
import type { RestartableSync } from '../sync/restartable-sync.js';
import type { CentralSettingsService } from '../sync/central-settings-service.js';
import type { ListFreshnessService } from '../alerts/list-freshness-service.js';
import { referralHandlers } from '../second-line/referral-handlers.js';
import type { ReferralDesk } from '../second-line/referral-desk.js';

export interface CoreHandlerParts {
  readonly auth: AuthService;
  readonly capture: ReturnType<typeof captureHandlers>;
  readonly officers: OfficerService;
  readonly sync: RestartableSync;
  readonly centralSettings: CentralSettingsService;
  readonly system: SystemService;
  readonly readers: ReaderService;
  readonly readerConsole: ReaderConsole;
  readonly freshness: ListFreshnessService;
  readonly referrals: ReferralDesk;
  readonly audit: AuditService;
  readonly exports: (request: ExportRequest, officerId: string) => Observable<ExportEvent>;
  readonly diagnostics: () => DiagnosticsBundle;
  readonly centralLink: Pick<RpcHandlers['methods'], 'central.linkTest' | 'central.registration'>;
}

/** The RPC contract, method by method, from the services that serve it. */
export function coreHandlers(parts: CoreHandlerParts): RpcHandlers {
  const captureRpc = parts.capture;
  const officersRpc = officerHandlers(parts.officers);
  const syncRpc = parts.sync.handlers();
  const systemHandlers = parts.system.handlers();
  const readerConsole = parts.readerConsole.handlers();
  return {
    methods: {
      ...authHandlers(parts.auth),
      'capture.manualEntry': captureRpc['capture.manualEntry'],
      'capture.wedge': captureRpc['capture.wedge'],
      'capture.record': captureRpc['capture.record'],
      'capture.acknowledgeHits': captureRpc['capture.acknowledgeHits'],
      'capture.hitHold': captureRpc['capture.hitHold'],
      'alerts.override': captureRpc['alerts.override'],
      'alerts.openHits': captureRpc['alerts.openHits'],
      'alerts.review': captureRpc['alerts.review'],
      'crossings.void': captureRpc['crossings.void'],
      'crossings.recent': captureRpc['crossings.recent'],
      'officers.list': officersRpc['officers.list'],
      'officers.create': officersRpc['officers.create'],
      'officers.update': officersRpc['officers.update'],
      'officers.setActive': officersRpc['officers.setActive'],
      'officers.resetPin': officersRpc['officers.resetPin'],
      'supervisor.laneActivity': captureRpc['supervisor.laneActivity'],
      ...referralHandlers(parts.referrals),
      ...parts.audit.handlers(),
      'diagnostics.bundle': () => parts.diagnostics(),
      ...parts.centralLink,
      ...parts.centralSettings.handlers(),
      'sync.deadLetters': syncRpc['sync.deadLetters'],
      'sync.requeue': syncRpc['sync.requeue'],
      ...parts.readers.methodHandlers(),
      'readers.devices': readerConsole['readers.devices'],
      'readers.save': readerConsole['readers.save'],
      'readers.remove': readerConsole['readers.remove'],
      'readers.testScan': readerConsole['readers.testScan'],
      'system.info': systemHandlers['system.info'],
      'system.ping': systemHandlers['system.ping'],
    },
    streams: {
      'system.uptime': systemHandlers['system.uptime'],
      ...diagnosticsHandlers(),
      ...parts.readers.handlers(),
      'readers.raw': readerConsole['readers.raw'],
      'capture.assessments': captureRpc['capture.assessments'],
      'sync.status': syncRpc['sync.status'],
      'alerts.freshness': () => parts.freshness.freshness$,
      'export.records': (request, context) => parts.exports(request, signedInOfficerId(context)),
    },
  };
}
