import type { Database, Statement } from 'better-sqlite3';
import * as z from 'zod';
import { ed25519PublicKey, keyId } from '../protocol/signing.js';

/** An appliance id as central accepts it: what the appliance's records carry, without control characters. */
export const ApplianceId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}/]+$/u, 'no control characters or slashes');

/** The raw 32-byte Ed25519 public key in standard base64, as `sahman key` prints it. */
export const PublicKeyBase64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'an Ed25519 public key: 32 bytes in base64 (44 characters)')
  .refine((text) => {
    try {
      ed25519PublicKey(text);
      return true;
    } catch {
      return false;
    }
  }, 'not an Ed25519 public key');

const KeyRow = z.object({
  id: z.number().int().positive(),
  appliance_id: z.string(),
  key_id: z.string(),
  public_key: z.string(),
  registered_at: z.string(),
});

/** One registered key; `ref` is its registration order, which orders exports. */
export interface RegisteredKey {
  readonly ref: number;
  readonly applianceId: string;
  readonly keyId: string;
  readonly publicKeyBase64: string;
  readonly registeredAt: string;
}

function toKey(row: unknown): RegisteredKey {
  const parsed = KeyRow.parse(row);
  return { ref: parsed.id, applianceId: parsed.appliance_id, keyId: parsed.key_id, publicKeyBase64: parsed.public_key, registeredAt: parsed.registered_at };
}

/** The appliance keys central trusts. An appliance may have several: a rebuilt one gets a new key. */
export class KeyRegistry {
  private readonly insert: Statement;
  private readonly byId: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare('INSERT INTO appliance_keys (appliance_id, key_id, public_key, registered_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.byId = db.prepare('SELECT id, appliance_id, key_id, public_key, registered_at FROM appliance_keys WHERE appliance_id = ? AND key_id = ?');
  }

  /** Registers a key; registering the same key again changes nothing. */
  register(applianceId: string, publicKeyBase64: string, at: Date): { key: RegisteredKey; added: boolean } {
    const appliance = ApplianceId.parse(applianceId);
    const publicKey = PublicKeyBase64.parse(publicKeyBase64);
    const id = keyId(publicKey);
    const added = this.insert.run(appliance, id, publicKey, at.toISOString()).changes === 1;
    const key = this.find(appliance, id);
    if (key === undefined) throw new Error('a registered key could not be read back');
    return { key, added };
  }

  find(applianceId: string, id: string): RegisteredKey | undefined {
    const row: unknown = this.byId.get(applianceId, id);
    return row === undefined ? undefined : toKey(row);
  }

  list(applianceId?: string): RegisteredKey[] {
    const rows: unknown[] =
      applianceId === undefined
        ? this.db.prepare('SELECT id, appliance_id, key_id, public_key, registered_at FROM appliance_keys ORDER BY appliance_id, id').all()
        : this.db.prepare('SELECT id, appliance_id, key_id, public_key, registered_at FROM appliance_keys WHERE appliance_id = ? ORDER BY id').all(applianceId);
    return rows.map(toKey);
  }
}
