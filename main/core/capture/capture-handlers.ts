import type { RpcHandlers } from '../rpc/handlers.js';
import type { CaptureService } from './capture-service.js';

export function captureHandlers(
  capture: CaptureService,
): Pick<RpcHandlers['methods'], 'capture.manualEntry' | 'capture.record'> & Pick<RpcHandlers['streams'], 'capture.assessments'> {
  return {
    'capture.manualEntry': ({ format, fields }) => capture.manualEntry(fields, format),
    'capture.record': (params, context) => {
      const officer = context.auth.officer;
      // The access rule let this call through only with a signed-in guard.
      if (officer === undefined) throw new Error('capture.record reached without an officer');
      return capture.record(params, officer.id);
    },
    'capture.assessments': () => capture.assessments$,
  };
}
