import * as z from 'zod';

const IsoDay = z.iso.date();

/** Why a document is listed, as SLTD-style lists give it. */
export const DocumentListReason = z.enum(['lost', 'stolen', 'revoked', 'invalidated']);
export type DocumentListReason = z.infer<typeof DocumentListReason>;

/** One listed document, as central publishes it and `sahman alerts document --documents` reads it. */
export const DocumentListEntry = z
  .object({
    /** The Doc 9303 code of the issuing state (`D` or `D<<` for Germany). */
    issuingState: z.string().regex(/^[A-Za-z<]{1,3}$/, 'a Doc 9303 state code'),
    /** `P`, `ID`, `V`…; empty when the list does not say. */
    documentType: z.string().regex(/^[A-Za-z<]{0,2}$/, 'one or two letters, or empty'),
    number: z.string().min(1).max(30).regex(/[A-Za-z0-9]/, 'letters and digits'),
    reason: DocumentListReason,
    /** Who reported it (an authority, a list such as SLTD). */
    source: z.string().min(1).max(64),
    reportedAt: IsoDay,
  })
  .strict();
export type DocumentListEntry = z.infer<typeof DocumentListEntry>;

/**
 * A listed document found for a presented one. `exact`: the number as printed
 * is the listed one; `ocr-equivalent`: it differs only in characters OCR
 * confuses (0/O, 1/I, 8/B…), so the guard compares the printed page.
 */
export const DocumentHit = z.object({
  entry: DocumentListEntry,
  how: z.enum(['exact', 'ocr-equivalent']),
});
export type DocumentHit = z.infer<typeof DocumentHit>;
