import { signedInOfficerId as officerId, type RpcHandlers } from '../rpc/handlers.js';
import type { CaptureService } from './capture-service.js';
import type { CrossingQueries } from './crossing-queries.js';
import type { VoidService } from './void-service.js';

export function captureHandlers(
  capture: CaptureService,
  voids: VoidService,
  queries: CrossingQueries,
): Pick<
  RpcHandlers['methods'],
  | 'capture.manualEntry'
  | 'capture.wedge'
  | 'capture.record'
  | 'capture.acknowledgeHits'
  | 'capture.hitHold'
  | 'alerts.override'
  | 'alerts.openHits'
  | 'alerts.review'
  | 'crossings.void'
  | 'crossings.recent'
  | 'supervisor.laneActivity'
> &
  Pick<RpcHandlers['streams'], 'capture.assessments'> {
  return {
    'crossings.void': ({ crossingId, reason }, context) => voids.void(crossingId, reason, officerId(context)),
    'crossings.recent': ({ hours, limit }) => queries.recent(hours, limit, new Date()),
    'supervisor.laneActivity': ({ hours }) => queries.laneActivity(hours, new Date()),
    'capture.manualEntry': ({ format, fields }, context) => capture.manualEntry(fields, format, officerId(context)),
    'capture.wedge': ({ text }, context) => capture.wedge(text, officerId(context)),
    'capture.record': (params, context) => capture.record(params, officerId(context)),
    'capture.acknowledgeHits': ({ assessmentId }, context) => capture.acknowledgeHits(assessmentId, officerId(context)),
    'capture.hitHold': ({ assessmentId }) => capture.hitHold(assessmentId),
    'alerts.override': ({ assessmentId, reason }, context) => capture.overrideHits(assessmentId, reason, officerId(context)),
    'alerts.openHits': ({ limit }) => capture.openHits(limit),
    'alerts.review': (params, context) => capture.reviewHit(params, officerId(context)),
    'capture.assessments': () => capture.assessments$,
  };
}
