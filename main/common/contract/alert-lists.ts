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

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: lists often know only part of a birth date. */
export const PartialBirthDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY-MM-DD, YYYY-MM or YYYY');
export type PartialBirthDate = z.infer<typeof PartialBirthDate>;

/** A name as the list's source wrote it: national orthography, patronymics and all. */
export const ListedName = z
  .object({
    surname: z.string().trim().min(1).max(100),
    givenNames: z.string().trim().max(150).default(''),
  })
  .strict();
export type ListedName = z.infer<typeof ListedName>;

/** What a hit on a listed person obliges the lane to do: `arrest` and `refer` send the traveller to second line. */
export const PersonAction = z.enum(['arrest', 'refer', 'inform']);
export type PersonAction = z.infer<typeof PersonAction>;

/** One listed person (a warrant, a notice), as central publishes it and `sahman alerts match --persons` reads it. */
export const PersonListEntry = z
  .object({
    id: z.string().min(1).max(80),
    surname: ListedName.shape.surname,
    givenNames: ListedName.shape.givenNames,
    aliases: z.array(ListedName).max(30).default([]),
    /** Absent or null when the source does not know it. */
    birthDate: PartialBirthDate.nullable().optional(),
    /** A Doc 9303 code; absent when unknown. */
    nationality: z.string().regex(/^[A-Za-z<]{1,3}$/, 'a Doc 9303 code').nullable().optional(),
    sex: z.enum(['M', 'F', 'X', '<', '']).nullable().optional(),
    /** The kind of listing (a red notice, a national warrant…); thresholds are per category. */
    category: z.string().min(1).max(64),
    action: PersonAction,
  })
  .strict();
export type PersonListEntry = z.infer<typeof PersonListEntry>;

/** A traveller as the MRZ gives them: names in A-Z and spaces, the birth date as YYMMDD with `<` for unknown parts. */
export const MrzTraveller = z
  .object({
    surname: z.string().regex(/^[A-Z ]{0,60}$/, 'letters A-Z and spaces'),
    givenNames: z.string().regex(/^[A-Z ]{0,60}$/, 'letters A-Z and spaces').default(''),
    birthDate: z.string().regex(/^[0-9<]{6}$/, 'YYMMDD, with < for unknown parts'),
    nationality: z.string().regex(/^[A-Z<]{0,3}$/, 'a Doc 9303 code').default(''),
    sex: z.enum(['M', 'F', 'X', '<', '']).default(''),
  })
  .refine((traveller) => traveller.surname.trim() !== '' || traveller.givenNames.trim() !== '', { error: 'a surname or given names' });
export type MrzTraveller = z.infer<typeof MrzTraveller>;

/** How one name part of the list entry was found in the traveller's name. */
export const NamePartMatch = z.object({
  listed: z.string(),
  presented: z.string(),
  /**
   * exact after folding; transliteration: the same name in another system; edit: a typing or reading
   * difference; truncated: the MRZ cut the name short and what is left agrees.
   */
  how: z.enum(['exact', 'transliteration', 'edit', 'truncated']),
  similarity: z.number().min(0).max(1),
});
export type NamePartMatch = z.infer<typeof NamePartMatch>;

/** How the birth dates agreed. */
export const BirthDateAgreement = z.enum(['exact', 'partial', 'unknown', 'one-component-off', 'day-month-swapped']);
export type BirthDateAgreement = z.infer<typeof BirthDateAgreement>;

/** Why a traveller matched a listed person: for the guard's screen, the supervisor's queue and the command's output. */
export const PersonMatchExplanation = z.object({
  /** Which name of the entry matched: its own, or an alias (counted from 1). */
  name: z.union([z.literal('primary'), z.number().int().positive()]),
  parts: z.array(NamePartMatch),
  /** The surname and given names crossed over (written the other way round). */
  swapped: z.boolean(),
  birthDate: BirthDateAgreement,
  /** Sex or nationality differ: they only ever lower a score. */
  differs: z.array(z.enum(['sex', 'nationality'])),
  summary: z.string(),
});
export type PersonMatchExplanation = z.infer<typeof PersonMatchExplanation>;

/** A listed person a traveller matched at or above the list's threshold. */
export const PersonHit = z.object({
  entry: PersonListEntry,
  score: z.number().min(0).max(1),
  explanation: PersonMatchExplanation,
});
export type PersonHit = z.infer<typeof PersonHit>;

/**
 * The alert lists the lane checks against, each a reference kind with its own
 * version. The one place that names them: the status bar's freshness, and
 * whatever else must treat every alert list alike, read it from here.
 */
export const ALERT_LIST_KINDS = ['document-list', 'person-list'] as const;
export type AlertListKind = (typeof ALERT_LIST_KINDS)[number];

/** fresh: vouched for within the configured age; stale: longer ago (the checks still run); unavailable: never received. */
export const ListFreshnessState = z.enum(['fresh', 'stale', 'unavailable']);
export type ListFreshnessState = z.infer<typeof ListFreshnessState>;

export const ListFreshness = z
  .object({
    /** A list kind; a kind this screen does not know yet is carried and shown by its name, never refused. */
    kind: z.string().min(1).max(40),
    /** 0 when never received. */
    version: z.number().int().nonnegative(),
    /** When central last vouched for this version, or null when never received. */
    vouchedAt: z.iso.datetime().nullable(),
    ageMs: z.number().nonnegative().nullable(),
    state: ListFreshnessState,
  })
  .strict();
export type ListFreshness = z.infer<typeof ListFreshness>;

export const AlertListsFreshness = z
  .object({
    at: z.iso.datetime(),
    /** alerts.maxListAgeHours, in milliseconds. */
    maxAgeMs: z.number().int().positive(),
    lists: z.array(ListFreshness).max(16),
  })
  .strict();
export type AlertListsFreshness = z.infer<typeof AlertListsFreshness>;
