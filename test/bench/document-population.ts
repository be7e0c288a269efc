/**
 * Generated listed documents for the alert-list benchmarks: numbers shaped
 * like passports' and cards', from the states a lane in the region meets;
 * fictitious, never a real document.
 */
import type { DocumentListEntry } from '../../main/common/contract/alert-lists.js';

const STATES = ['UTO', 'ARM', 'GEO', 'AZE', 'RUS', 'UKR', 'KAZ', 'IRN', 'TUR', 'D', 'FRA', 'ITA', 'ESP', 'GBR', 'USA', 'CHN', 'IND', 'SYR', 'IRQ', 'LBN'];
const REASONS = ['lost', 'stolen', 'revoked', 'invalidated'] as const;
const SOURCES = ['SLTD', 'UTO national police', 'ARM passport service', 'consular report'];
const ALPHANUMERIC = 'ABCDEFGHJKLMNPRTUVWXY0123456789';

/** Generated document numbers: a letter or two, then digits and letters, 8 or 9 characters, as passports carry. */
export function generatedDocument(random: () => number, index: number): DocumentListEntry {
  const pick = (text: string): string => text[Math.floor(random() * text.length)] ?? 'A';
  let number = pick('ABCEFHKLMNPRTUVXY');
  const length = 7 + Math.floor(random() * 2);
  for (let position = 0; position < length; position += 1) number += pick(ALPHANUMERIC);
  return {
    issuingState: STATES[index % STATES.length] ?? 'UTO',
    documentType: random() < 0.8 ? 'P' : 'ID',
    number,
    reason: REASONS[Math.floor(random() * REASONS.length)] ?? 'lost',
    source: SOURCES[Math.floor(random() * SOURCES.length)] ?? 'SLTD',
    reportedAt: new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 4000) * 86_400_000).toISOString().slice(0, 10),
  };
}

