import * as z from 'zod';

/**
 * The technician's central settings, as the config file's `central` section
 * holds them. The params are plain text here on purpose: the core checks each
 * field against the config's own schema and answers every problem by field
 * (`details.issues`), rather than one message for the whole request.
 */
const Text = (max: number) => z.string().max(max);

export const CentralSettings = z
  .object({
    url: Text(2000),
    /** Empty: no key pinned (deltas from central are then refused, for want of a key to check them). */
    publicKey: Text(200).optional(),
    caFile: Text(1000).optional(),
    clientCertFile: Text(1000).optional(),
    clientKeyFile: Text(1000).optional(),
    deliveryDeadlineMinutes: z.number().int().min(1).max(10_080),
  })
  .strict();
export type CentralSettings = z.infer<typeof CentralSettings>;

export const CentralSettingsSaved = z.object({
  settings: CentralSettings,
  /** The relay and the downlink were restarted with the new settings. */
  relayRestarted: z.boolean(),
});
export type CentralSettingsSaved = z.infer<typeof CentralSettingsSaved>;
