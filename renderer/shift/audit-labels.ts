import { AuditAction, type AuditEvent } from '../../main/common/contract/audit.js';
import type { Translate } from '../i18n/translate.js';
import { knownId } from '../shared/open-code-names.js';

/** The actions this release writes, in the order the filter offers them. */
export const AUDIT_ACTIONS: readonly AuditAction[] = AuditAction.options;

/** An action in the officer's language; one a newer release wrote shows as its code. */
export function actionName(t: Translate, action: string): string {
  const id = `auditAction.${action}`;
  return knownId(id) ? t(id) : action;
}

/** What broke the chain, in the officer's language; a problem a newer core names shows in its English. */
export function problemText(t: Translate, firstBreak: { readonly code?: string | undefined; readonly problem: string }): string {
  const id = `audit.problem.${firstBreak.code ?? ''}`;
  return firstBreak.code !== undefined && knownId(id) ? t(id) : firstBreak.problem;
}

/** The event's details as `key: value` pairs: ids, codes and counts only, never a traveller's data. */
export function detailsText(details: AuditEvent['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(' · ');
}

/** A datetime-local field's value as an instant, or undefined when empty or not a time. */
export function localInputInstant(value: string): string | undefined {
  if (value === '') return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** An instant as a datetime-local field shows it, in the appliance's time zone. */
export function localInputValue(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
