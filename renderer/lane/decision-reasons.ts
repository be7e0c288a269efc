import type { Assessment, DecisionOutcome, DecisionReason } from '../../main/common/contract/crossing.js';
import { failedChecks } from './card-facts.js';
import { assessmentHits } from '../../main/common/alerts/assessment-hits.js';

/** The reasons a guard may give for each outcome, most likely first. */
export const REASONS: Readonly<Record<DecisionOutcome, readonly DecisionReason[]>> = {
  admit: ['documents-in-order', 'further-checks', 'other'],
  refuse: ['document-expired', 'document-invalid', 'document-damaged', 'no-visa', 'alert-list-hit', 'minor-without-consent', 'suspected-fraud', 'other'],
  refer: ['further-checks', 'alert-list-hit', 'suspected-fraud', 'minor-without-consent', 'document-damaged', 'other'],
};

const REASON_OF_FAILED_CHECK: Readonly<Record<string, DecisionReason>> = {
  expiry: 'document-expired',
  mrz: 'document-invalid',
  visa: 'no-visa',
  minor: 'minor-without-consent',
  'alert-list': 'alert-list-hit',
};

/**
 * The reason offered first. Refusing or referring preselects what the failed
 * checks suggest, so that one key confirms; admitting despite a failed check
 * preselects nothing: the guard must choose.
 */
export function suggestedReason(outcome: DecisionOutcome, assessment: Assessment): DecisionReason | undefined {
  if (outcome === 'admit') return undefined;
  if (outcome === 'refer') return assessmentHits(assessment).length > 0 ? 'alert-list-hit' : 'further-checks';
  for (const check of failedChecks(assessment)) {
    const reason = REASON_OF_FAILED_CHECK[check.code];
    if (reason !== undefined) return reason;
  }
  return 'other';
}
