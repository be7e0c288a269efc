/**
 * A throwaway PKI for TLS tests, made with the openssl command-line tool: a CA, a server
 * certificate for 127.0.0.1/localhost and a client certificate signed by it, and a second,
 * unrelated CA for proving that pinning refuses a server certificate it did not issue. Keys are EC
 * P-256 with SHA-256 signatures, which Node's TLS accepts at its default security level. A missing
 * openssl fails the test (with what to install); it never skips it.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandError } from './command-error.js';

export const OPENSSL = '/usr/bin/openssl';

export interface TestPkiFiles {
  readonly caCert: string;
  readonly caKey: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  readonly otherCaCert: string;
  readonly otherCaKey: string;
  /** The openssl configuration used, with the extension sections ca_ext, server_ext and client_ext. */
  readonly config: string;
}

export interface TestPki {
  readonly caCertPem: string;
  readonly serverCertPem: string;
  readonly serverKeyPem: string;
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
  readonly otherCaCertPem: string;
  readonly files: TestPkiFiles;
}

/** The subject CNs, so that tests can check who they are talking to. */
export const TEST_PKI_NAMES = {
  ca: 'Sahman Test CA',
  otherCa: 'Sahman Unrelated Test CA',
  server: 'localhost',
  client: 'sahman-test-appliance',
} as const;

// Our own configuration, passed through OPENSSL_CONF too, so that the distribution's openssl.cnf
// (or its absence) cannot change what gets made.
const CONFIG = `[req]
distinguished_name = dn
prompt = no

[dn]
CN = unused

[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[server_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[client_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`;

const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
const DAYS = '30';

function opensslMissing(openssl: string): Error {
  return new Error(`openssl is not installed (${openssl} is missing): the TLS tests need it to make their certificates. Install it: apt-get install openssl`);
}

/**
 * Makes the PKI in `dir` (which must exist; the caller removes it). Synchronous, about six
 * openssl runs. `openssl` is the binary to run; tests of the missing-tool message pass another.
 */
export function makeTestPki(dir: string, openssl: string = OPENSSL): TestPki {
  if (!existsSync(openssl)) throw opensslMissing(openssl);
  const at = (name: string): string => path.join(dir, name);
  const files: TestPkiFiles = {
    caCert: at('ca.crt'),
    caKey: at('ca.key'),
    serverCert: at('server.crt'),
    serverKey: at('server.key'),
    clientCert: at('client.crt'),
    clientKey: at('client.key'),
    otherCaCert: at('other-ca.crt'),
    otherCaKey: at('other-ca.key'),
    config: at('openssl.cnf'),
  };
  writeFileSync(files.config, CONFIG);
  const env = { ...process.env, OPENSSL_CONF: files.config };

  const run = (args: readonly string[]): void => {
    try {
      execFileSync(openssl, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw opensslMissing(openssl);
      throw new Error(`openssl ${args.join(' ')} failed: ${commandError(error)}`, { cause: error });
    }
  };
  const selfSignedCa = (cn: string, cert: string, key: string): void => {
    run(['req', '-config', files.config, '-x509', ...NEW_KEY, '-keyout', key, '-out', cert, '-subj', `/CN=${cn}`, '-days', DAYS, '-sha256', '-extensions', 'ca_ext']);
  };
  const signedLeaf = (cn: string, cert: string, key: string, extensions: string): void => {
    const csr = `${cert}.csr`;
    run(['req', '-config', files.config, '-new', ...NEW_KEY, '-keyout', key, '-out', csr, '-subj', `/CN=${cn}`]);
    // A random serial: two PKIs made in one run must never issue the same issuer/serial pair.
    const serial = `0x${randomBytes(16).toString('hex').replace(/^[89a-f]/, '1')}`;
    run(['x509', '-req', '-in', csr, '-CA', files.caCert, '-CAkey', files.caKey, '-set_serial', serial, '-days', DAYS, '-sha256', '-extfile', files.config, '-extensions', extensions, '-out', cert]);
  };

  selfSignedCa(TEST_PKI_NAMES.ca, files.caCert, files.caKey);
  signedLeaf(TEST_PKI_NAMES.server, files.serverCert, files.serverKey, 'server_ext');
  signedLeaf(TEST_PKI_NAMES.client, files.clientCert, files.clientKey, 'client_ext');
  selfSignedCa(TEST_PKI_NAMES.otherCa, files.otherCaCert, files.otherCaKey);

  const read = (file: string): string => readFileSync(file, 'utf8');
  return {
    caCertPem: read(files.caCert),
    serverCertPem: read(files.serverCert),
    serverKeyPem: read(files.serverKey),
    clientCertPem: read(files.clientCert),
    clientKeyPem: read(files.clientKey),
    otherCaCertPem: read(files.otherCaCert),
    files,
  };
}
