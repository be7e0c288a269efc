import * as z from 'zod';

/** Every check the core runs on a document before the guard decides. */
export const DocumentCheckCode = z.enum([
  'mrz',
  'expiry',
  'minor',
  'visa',
  'direction-sequence',
  'duplicate-scan',
  'clock',
  'alert-list',
]);
export type DocumentCheckCode = z.infer<typeof DocumentCheckCode>;

/**
 * pass: nothing to look at; notice: worth a glance (an OCR correction, a
 * document expiring soon); alert: the guard must act on it (expired, visa
 * needed, alert-list hit); unavailable: the check could not run (no data).
 */
export const CheckOutcome = z.enum(['pass', 'notice', 'alert', 'unavailable']);
export type CheckOutcome = z.infer<typeof CheckOutcome>;

export const DocumentCheck = z
  .object({
    code: DocumentCheckCode,
    outcome: CheckOutcome,
    /** A machine-readable reason within the check (for example `expired`, `expiring-soon`). */
    reason: z.string().max(40),
    /** One line for the guard's screen; never more of the traveller's data than the document shows. */
    message: z.string().max(200),
  })
  .strict();
export type DocumentCheck = z.infer<typeof DocumentCheck>;

/** What the reference table says about a nationality. */
export const VisaRequirement = z.enum(['visa-free', 'visa-on-arrival', 'e-visa', 'visa-required']);
export type VisaRequirement = z.infer<typeof VisaRequirement>;
