import type { DeviceHolder } from '../../main/common/contract/reader-console.js';
import type { Translate } from '../i18n/translate.js';

/** Who holds a device open, in words: this appliance's reader, another appliance's, or a `sahman monitor`. */
export function holderText(t: Translate, holder: DeviceHolder | undefined): string {
  if (holder === undefined) return t('readers.free');
  if (holder.thisAppliance) return t('readers.holder.this', { reader: holder.readerId });
  if (holder.kind === 'monitor') return t('readers.holder.monitor', { pid: String(holder.pid), host: holder.hostname });
  return t('readers.holder.appliance', { appliance: holder.applianceId ?? holder.hostname, reader: holder.readerId, pid: String(holder.pid), host: holder.hostname });
}

/** `0db5:0160`, or nothing when the bus does not say. */
export function vendorProduct(vendorId: string | undefined, productId: string | undefined): string {
  return vendorId === undefined || productId === undefined ? '' : `${vendorId}:${productId}`;
}

/** A duration as the test scan shows it: seconds from one second up, otherwise milliseconds, to a sensible precision. */
export function durationValues(ms: number): { readonly unit: 's' | 'ms'; readonly value: number } {
  if (ms >= 1000) return { unit: 's', value: Math.round(ms / 100) / 10 };
  if (ms >= 10) return { unit: 'ms', value: Math.round(ms) };
  return { unit: 'ms', value: Math.round(ms * 100) / 100 };
}
