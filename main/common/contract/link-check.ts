import * as z from 'zod';

/** The steps of a connection to central, in the order they happen: the first that fails is the one to fix. */
export const LinkStepName = z.enum(['dns', 'tcp', 'tls', 'certificate', 'http', 'signature', 'clock']);
export type LinkStepName = z.infer<typeof LinkStepName>;

export const LinkStep = z.object({
  step: LinkStepName,
  /** skipped: not part of this link (plain http, no pinned key) or not reached after a failure. */
  outcome: z.enum(['ok', 'failed', 'skipped']),
  detail: z.string().max(300),
  ms: z.number().nonnegative(),
});
export type LinkStep = z.infer<typeof LinkStep>;

export const LinkCheck = z.object({
  url: z.string(),
  steps: z.array(LinkStep),
  /** The first step that failed, or null when central answered as it should. */
  failedStep: LinkStepName.nullable(),
  checkedAt: z.iso.datetime(),
});
export type LinkCheck = z.infer<typeof LinkCheck>;

/** What central needs to trust this appliance: its id and public key, the key's fingerprint to read aloud, and the command to run there. */
export const Registration = z.object({
  applianceId: z.string(),
  publicKey: z.string(),
  /** The key id central files it under (the SHA-256 of the key, in hex), grouped for reading aloud. */
  fingerprint: z.string(),
  command: z.string(),
  centralUrl: z.string(),
  centralKeyPinned: z.boolean(),
});
export type Registration = z.infer<typeof Registration>;
