import { useEffect, useState } from 'react';
import type { SystemInfo } from '../../main/common/contract/rpc-methods.js';
import type { RpcClient } from '../../main/common/rpc/client.js';

/** The appliance's identity, fetched once per client and kept across reconnects. */
export function useSystemInfo(client: RpcClient | null): SystemInfo | undefined {
  const [info, setInfo] = useState<SystemInfo>();
  useEffect(() => {
    if (client === null) return undefined;
    let current = true;
    client.call('system.info', {}).then(
      (value) => {
        if (current) setInfo(value);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client]);
  return info;
}
