import * as z from 'zod';

/** A lowercase kebab-case token: `expiry`, `direction-sequence`, `minor-without-consent`. */
const CODE_TOKEN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_CODE_LENGTH = 48;

/**
 * A code from a list that grows between releases (a document check, a
 * decision reason, an MRZ error, an audit action), as a stored or synced
 * record carries it. Whatever reads records, central above all, takes a code
 * it has never seen and keeps it as it came: a record's bytes are its digest
 * and what central holds, and one release's new check must not make the last
 * release's central refuse every crossing. The bound keeps it a code rather
 * than a place for free text. The appliance still builds its records from
 * the closed enums of the codes it knows; only what reads them is open.
 */
export const OpenCode = z.string().max(MAX_CODE_LENGTH).regex(CODE_TOKEN, 'a lowercase kebab-case code');
export type OpenCode = z.infer<typeof OpenCode>;
