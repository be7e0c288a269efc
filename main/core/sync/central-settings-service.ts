import { readFileSync } from 'node:fs';
import path from 'node:path';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type * as z from 'zod';
import { ApplianceConfig } from '../../common/contract/config.js';
import type { CentralSettings, CentralSettingsSaved } from '../../common/contract/central-settings.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { writeConfigAudited } from '../config/config-writer.js';
import type { LiveConfig } from '../config/live-config.js';
import { FieldsRefusedError, type FieldIssue } from '../errors/fields-refused.js';
import { signedInOfficerId, type RpcHandlers } from '../rpc/handlers.js';
import type { RestartableSync } from './restartable-sync.js';

type CentralConfig = ApplianceConfig['central'];
type TlsField = 'caFile' | 'clientCertFile' | 'clientKeyFile';

const PEM_LABEL: Readonly<Record<TlsField, RegExp>> = {
  caFile: /-----BEGIN CERTIFICATE-----/,
  clientCertFile: /-----BEGIN CERTIFICATE-----/,
  clientKeyFile: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/,
};

const PEM_WHAT: Readonly<Record<TlsField, string>> = {
  caFile: 'a PEM certificate',
  clientCertFile: 'a PEM certificate',
  clientKeyFile: 'a PEM private key',
};

function present(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

export interface CentralSettingsOptions {
  readonly db: Database;
  readonly audit: AuditTrail;
  readonly configPath: string;
  /** TLS file names are relative to it, as in the config file. */
  readonly dataDir: string;
  readonly config: LiveConfig;
  readonly sync: RestartableSync;
  readonly now?: () => Date;
}

/**
 * The technician's central settings: read from the configuration in force,
 * and changed only whole and checked (the URL, the key's form, each TLS file
 * read and loaded as Node's TLS would load it), then written to the config
 * file and audited together, and put in force by restarting the relay.
 */
export class CentralSettingsService {
  constructor(private readonly options: CentralSettingsOptions) {}

  settings(): CentralSettings {
    const central = this.options.config.current.central;
    return {
      url: central.url,
      ...(central.publicKey === undefined ? {} : { publicKey: central.publicKey }),
      ...(central.caFile === undefined ? {} : { caFile: central.caFile }),
      ...(central.clientCertFile === undefined ? {} : { clientCertFile: central.clientCertFile }),
      ...(central.clientKeyFile === undefined ? {} : { clientKeyFile: central.clientKeyFile }),
      deliveryDeadlineMinutes: central.deliveryDeadlineMinutes,
    };
  }

  async save(request: CentralSettings, officerId: string): Promise<CentralSettingsSaved> {
    const central = this.checked(request);
    const at = (this.options.now ?? (() => new Date()))();
    const config = writeConfigAudited(this.options, this.options.configPath, { central }, {
      action: 'central-settings',
      officerId,
      at,
      details: {
        url: central.url.slice(0, 200),
        publicKeyPinned: central.publicKey !== undefined,
        caFile: central.caFile?.slice(0, 200) ?? null,
        clientCertificate: central.clientCertFile !== undefined,
        deliveryDeadlineMinutes: central.deliveryDeadlineMinutes,
      },
    });
    this.options.config.replace(config);
    let relayRestarted = true;
    try {
      await this.options.sync.restart(config);
    } catch {
      // Checked above, so only a file changed since: the relay runs on as it was and says so at the next start.
      relayRestarted = false;
    }
    return { settings: this.settings(), relayRestarted };
  }

  handlers(): Pick<RpcHandlers['methods'], 'central.settings' | 'central.saveSettings'> {
    return {
      'central.settings': () => this.settings(),
      'central.saveSettings': (request, context) => this.save(request, signedInOfficerId(context)),
    };
  }

  /** The settings as the config will hold them, or every problem with them, by field. */
  private checked(request: CentralSettings): CentralConfig {
    const candidate = {
      url: request.url.trim(),
      ...(present(request.publicKey) === undefined ? {} : { publicKey: present(request.publicKey) }),
      ...(present(request.caFile) === undefined ? {} : { caFile: present(request.caFile) }),
      ...(present(request.clientCertFile) === undefined ? {} : { clientCertFile: present(request.clientCertFile) }),
      ...(present(request.clientKeyFile) === undefined ? {} : { clientKeyFile: present(request.clientKeyFile) }),
      deliveryDeadlineMinutes: request.deliveryDeadlineMinutes,
    };
    const parsed = ApplianceConfig.shape.central.safeParse(candidate);
    if (!parsed.success) {
      throw new FieldsRefusedError(
        'central settings not saved, the link keeps the settings in force',
        parsed.error.issues.map((issue) => schemaIssue(String(issue.path[0] ?? 'url'), issue)),
      );
    }
    const central = parsed.data;
    const issues: FieldIssue[] = [];
    const pem: Partial<Record<TlsField, string>> = {};
    for (const field of ['caFile', 'clientCertFile', 'clientKeyFile'] as const) {
      const file = central[field];
      if (file === undefined) continue;
      const resolved = path.resolve(this.options.dataDir, file);
      try {
        const text = readFileSync(resolved, 'utf8');
        if (PEM_LABEL[field].test(text)) pem[field] = text;
        else issues.push({ option: field, message: `${resolved} is not ${PEM_WHAT[field]}`, code: field === 'clientKeyFile' ? 'not-pem-key' : 'not-pem-certificate', values: { file: resolved } });
      } catch (error) {
        const detail = error instanceof Error ? error.message : 'unknown error';
        issues.push({ option: field, message: `cannot be read: ${detail}`, code: 'file-unreadable', values: { detail } });
      }
    }
    if (central.caFile !== undefined && !central.url.startsWith('https:')) issues.push({ option: 'caFile', message: 'is for an https URL; this URL is plain http', code: 'ca-needs-https' });
    issues.push(...pemProblems(pem));
    if (issues.length > 0) throw new FieldsRefusedError('central settings not saved, the link keeps the settings in force', issues);
    return central;
  }
}

/**
 * Each file parsed as what it must be (a certificate, a private key) and the
 * client key checked against its certificate: a broken file is refused here,
 * not at the relay's first batch.
 */
function pemProblems(pem: Partial<Record<TlsField, string>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const certificate = (field: 'caFile' | 'clientCertFile'): X509Certificate | undefined => {
    const text = pem[field];
    if (text === undefined) return undefined;
    try {
      return new X509Certificate(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unknown error';
      issues.push({ option: field, message: `is not a readable certificate (${detail})`, code: 'bad-certificate', values: { detail } });
      return undefined;
    }
  };
  certificate('caFile');
  const client = certificate('clientCertFile');
  const keyText = pem.clientKeyFile;
  if (keyText !== undefined) {
    try {
      const key = createPrivateKey(keyText);
      if (client !== undefined && !client.checkPrivateKey(key)) issues.push({ option: 'clientKeyFile', message: 'is not the key of the client certificate', code: 'key-mismatch' });
    } catch (error) {
      const detail = error instanceof Error ? error.message : 'unknown error';
      issues.push({ option: 'clientKeyFile', message: `is not a readable private key (${detail})`, code: 'bad-key', values: { detail } });
    }
  }
  return issues;
}

/** A schema problem with a central setting, with the code a screen says in its own language. */
function schemaIssue(option: string, issue: z.core.$ZodIssue): FieldIssue {
  if (issue.code === 'too_small') return { option, message: issue.message, code: 'at-least', values: { min: Number(issue.minimum) } };
  if (issue.code === 'too_big') return { option, message: issue.message, code: 'at-most', values: { max: Number(issue.maximum) } };
  const code: Partial<Record<string, string>> = { url: 'url-invalid', publicKey: 'key-format', clientKeyFile: 'client-pair', clientCertFile: 'client-pair' };
  const known = code[option];
  return known === undefined ? { option, message: issue.message } : { option, message: issue.message, code: known };
}
