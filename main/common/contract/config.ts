import * as z from 'zod';

/** A reader as configured: an id the guard and technician see, and its spec (see the drivers). */
export const ReaderConfig = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lower-case letters, digits and dashes, at most 32'),
    spec: z.string().min(1).max(512),
  })
  .strict();
export type ReaderConfig = z.infer<typeof ReaderConfig>;

export const Direction = z.enum(['entry', 'exit']);
export type Direction = z.infer<typeof Direction>;

/**
 * The appliance's config file (config.json in the data folder). Unknown keys
 * are refused so that a misspelt setting is reported instead of ignored.
 */
export const ApplianceConfig = z
  .object({
    version: z.literal(1),
    applianceId: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, '3 to 64 letters, digits, dots, dashes or underscores'),
    crossingPoint: z
      .object({
        code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case letters, digits and dashes'),
        name: z.string().min(1).max(120),
      })
      .strict(),
    lane: z.number().int().min(1).max(99),
    directionDefault: Direction,
    readers: z.array(ReaderConfig).max(16),
    central: z
      .object({
        url: z.url({ protocol: /^https?$/ }),
        /** Central's Ed25519 public key (base64, from `sahman central key`): every delta must be signed by it. */
        publicKey: z
          .string()
          .regex(/^[A-Za-z0-9+/]{43}=$/, '32 bytes in base64, as `sahman central key` prints it')
          .optional(),
        /** For https: the CA that central's certificate must chain to (PEM file); no other CA is trusted. */
        caFile: z.string().min(1).optional(),
        /** For mutual TLS: this appliance's client certificate and key (PEM files). */
        clientCertFile: z.string().min(1).optional(),
        clientKeyFile: z.string().min(1).optional(),
        /** An item undelivered for longer than this raises the stale-backlog alarm (nothing is dropped). */
        deliveryDeadlineMinutes: z.number().int().min(1).max(10_080).default(15),
      })
      .strict()
      .refine((central) => (central.clientCertFile === undefined) === (central.clientKeyFile === undefined), {
        error: 'clientCertFile and clientKeyFile go together',
        path: ['clientKeyFile'],
      }),
    checks: z
      .object({
        /** A document expiring within this many days is flagged to the guard. */
        expiringWithinDays: z.number().int().min(0).max(365),
        /** The same document scanned again within this many seconds is flagged. */
        rescanWindowSeconds: z.number().int().min(0).max(3600),
      })
      .strict()
      .default({ expiringWithinDays: 30, rescanWindowSeconds: 60 }),
    alerts: z
      .object({
        /**
         * An alert list central has not vouched for in longer than this puts a warning on the
         * guard's status bar; the alert-list check still runs against what the appliance holds.
         */
        maxListAgeHours: z.number().int().min(1).max(720),
        /**
         * The score a listed person's match must reach, by list category (`red-notice`…);
         * other categories use the matcher's default. Below 0.6 a surname that was not
         * found at all could still score, so lower is refused.
         */
        personThresholds: z.record(z.string().min(1).max(64), z.number().min(0.6).max(1)).default({}),
      })
      .strict()
      .default({ maxListAgeHours: 24, personThresholds: {} }),
    secondLine: z
      .object({
        /** A referral still open after this many minutes is flagged on the supervisor's screen. */
        referralOverdueMinutes: z.number().int().min(1).max(1440),
      })
      .strict()
      .default({ referralOverdueMinutes: 20 }),
    session: z
      .object({
        /** The screen locks after this many seconds without input; the officer resumes with their PIN. */
        idleLockSeconds: z.number().int().min(5).max(7200),
        /** Wrong PINs in a row before the account locks. */
        maxWrongPins: z.number().int().min(3).max(20),
        lockoutMinutes: z.number().int().min(1).max(1440),
      })
      .strict()
      .default({ idleLockSeconds: 300, maxWrongPins: 5, lockoutMinutes: 5 }),
    retention: z
      .object({
        /**
         * Records central has acknowledged are purged from the appliance after this many days;
         * undelivered records are never purged.
         */
        deliveredDays: z.number().int().min(1).max(3650),
      })
      .strict()
      .default({ deliveredDays: 90 }),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.readers.forEach((reader, index) => {
      if (seen.has(reader.id)) {
        ctx.addIssue({ code: 'custom', path: ['readers', index, 'id'], message: `reader id "${reader.id}" is used twice` });
      }
      seen.add(reader.id);
    });
  });
export type ApplianceConfig = z.infer<typeof ApplianceConfig>;

/**
 * The embedded defaults written on first start: a demo crossing point in the
 * ICAO specimen state Utopia, a simulated reader, and a central receiver on this machine.
 */
export function defaultConfig(applianceId: string): ApplianceConfig {
  return {
    version: 1,
    applianceId,
    crossingPoint: { code: 'UTO-DEMO', name: 'Utopia demonstration crossing point' },
    lane: 1,
    directionDefault: 'entry',
    // A simulated reader, so that a fresh appliance shows documents arriving; a technician replaces it.
    // It scans when asked ("Simulate a scan"), not on a timer, so a newcomer sees each step.
    readers: [{ id: 'simulator', spec: 'sim:?interval=0' }],
    central: { url: 'http://127.0.0.1:8787/', deliveryDeadlineMinutes: 15 },
    checks: { expiringWithinDays: 30, rescanWindowSeconds: 60 },
    alerts: { maxListAgeHours: 24, personThresholds: {} },
    secondLine: { referralOverdueMinutes: 20 },
    session: { idleLockSeconds: 300, maxWrongPins: 5, lockoutMinutes: 5 },
    retention: { deliveredDays: 90 },
  };
}
