import type { ApplianceConfig } from '../../common/contract/config.js';
import type { Registration } from '../../common/contract/link-check.js';
import { checkCentralLink } from '../../../sync/relay/link-check.js';
import { keyId } from '../../../sync/protocol/signing.js';
import type { ApplianceKey } from '../keys/appliance-key.js';
import type { LiveConfig } from '../config/live-config.js';
import type { RpcHandlers } from '../rpc/handlers.js';
import { centralTls } from './sync-service.js';

/** Each step of the link test gives up after this: a technician waits for the verdict. */
const STEP_TIMEOUT_MS = 5_000;

/** The technician's Central link screen: the link test, and what registering the appliance at central takes. */
export function centralLinkHandlers(dataDir: string, live: LiveConfig, key: ApplianceKey): Pick<RpcHandlers['methods'], 'central.linkTest' | 'central.registration'> {
  return {
    'central.linkTest': () => {
      // The settings in force now: the technician may just have changed them.
      const config = live.current;
      return checkCentralLink({
        url: config.central.url,
        applianceId: config.applianceId,
        signer: key,
        tls: centralTls(dataDir, config),
        ...(config.central.publicKey === undefined ? {} : { centralPublicKey: config.central.publicKey }),
        timeoutMs: STEP_TIMEOUT_MS,
      });
    },
    'central.registration': () => registration(live.current, key),
  };
}

export function registration(config: ApplianceConfig, key: ApplianceKey): Registration {
  const fingerprint = keyId(key.publicKeyBase64).match(/.{1,4}/g)?.join(' ') ?? '';
  return {
    applianceId: config.applianceId,
    publicKey: key.publicKeyBase64,
    fingerprint,
    command: `sahman central register-key --appliance ${config.applianceId} --key ${key.publicKeyBase64}`,
    centralUrl: config.central.url,
    centralKeyPinned: config.central.publicKey !== undefined,
  };
}
