import { HealthReport, paths } from '../protocol/wire.js';
import { CentralUnreachable, type CentralClient } from './central-client.js';

export type HealthOutcome = 'sent' | 'not-sent';

/**
 * Device health on its own, lossy channel: a report that cannot be sent is
 * dropped, never queued, and never travels in the record stream, so that a
 * flapping reader cannot delay a single crossing.
 */
export class HealthReporter {
  constructor(
    private readonly client: CentralClient,
    private readonly applianceId: string,
  ) {}

  async send(report: HealthReport): Promise<HealthOutcome> {
    const body = Buffer.from(JSON.stringify(HealthReport.parse(report)), 'utf8');
    try {
      const response = await this.client.request('POST', paths.health(this.applianceId), { bytes: body, contentType: 'application/json' });
      return response.status === 204 || response.status === 200 ? 'sent' : 'not-sent';
    } catch (error) {
      if (error instanceof CentralUnreachable) return 'not-sent';
      throw error;
    }
  }
}
