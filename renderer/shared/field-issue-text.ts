import type { MessageId } from '../i18n/catalogues/en.js';
import type { Translate } from '../i18n/translate.js';
import type { FieldIssue } from './rpc-failure.js';

/**
 * The core's problems with a form's fields, by code, in the officer's
 * language. A code this release does not know (a newer core's) falls back to
 * the core's English message rather than to nothing.
 */
const ISSUE_MESSAGES: Readonly<Record<string, MessageId>> = {
  'whole-number': 'issue.whole-number',
  decimal: 'issue.decimal',
  'at-least': 'issue.at-least',
  'at-most': 'issue.at-most',
  'one-of': 'issue.one-of',
  'hex-byte': 'issue.hex-byte',
  'number-or-hex': 'issue.number-or-hex',
  'vendor-product': 'issue.vendor-product',
  'path-needed': 'issue.path-needed',
  'file-needed': 'issue.file-needed',
  'sim-no-target': 'issue.sim-no-target',
  'interval-rule': 'issue.interval-rule',
  'shares-over-one': 'issue.shares-over-one',
  'formats-from': 'issue.formats-from',
  'not-an-option': 'issue.not-an-option',
  'given-twice': 'issue.given-twice',
  'malformed-escape': 'issue.malformed-escape',
  scheme: 'issue.scheme',
  'desko-only': 'issue.desko-only',
  'id-taken': 'issue.id-taken',
  'too-many-readers': 'issue.too-many-readers',
  'port-taken': 'issue.port-taken',
  'url-invalid': 'issue.url-invalid',
  'key-format': 'issue.key-format',
  'client-pair': 'issue.client-pair',
  'file-unreadable': 'issue.file-unreadable',
  'not-pem-certificate': 'issue.not-pem-certificate',
  'not-pem-key': 'issue.not-pem-key',
  'ca-needs-https': 'issue.ca-needs-https',
  'bad-certificate': 'issue.bad-certificate',
  'bad-key': 'issue.bad-key',
  'key-mismatch': 'issue.key-mismatch',
};

export function fieldIssueText(t: Translate, issue: Pick<FieldIssue, 'message' | 'code' | 'values'>): string {
  const id = issue.code === undefined ? undefined : ISSUE_MESSAGES[issue.code];
  return id === undefined ? issue.message : t(id, issue.values);
}
