import type { CommandEntry } from '../command.js';

/**
 * Every `sahman` command, in the order `sahman --help` lists them. Only the names and summaries
 * live here: a command's module, and what it pulls in (SQLite, the drivers, the core), loads when
 * that command runs, so `sahman --version` or `sahman mrz` never pays for the others.
 */
export const commands: readonly CommandEntry[] = [
  { name: 'start', summary: 'Run the appliance: the Electron kiosk, or the same core and UI served locally where Electron cannot run', load: async () => (await import('./start.js')).startCommand },
  { name: 'serve', summary: 'Run the appliance core and serve its UI on 127.0.0.1 (the headless host)', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'devices', summary: 'List serial ports and HID devices, and which configured reader uses each', load: async () => (await import('./devices.js')).devicesCommand },
  { name: 'monitor', summary: 'Open one reader and print its scans and status changes (the technician’s diagnostic)', load: async () => (await import('./monitor.js')).monitorCommand },
  { name: 'mrz', summary: 'Check machine-readable zones (ICAO Doc 9303) read on standard input', load: async () => (await import('./mrz.js')).mrzCommand },
  { name: 'alerts', summary: 'Check documents against a list of lost, stolen and revoked documents, as the lane does', load: async () => (await import('./alerts.js')).alertsCommand },
  { name: 'chip', summary: 'Read an e-passport chip in a PC/SC reader: BAC, its data groups, and DG1 against the printed MRZ', load: async () => (await import('./chip.js')).chipCommand },
  { name: 'export', summary: 'Export the crossings of a period as JSON lines or CSV (audited)', load: async () => (await import('./export.js')).exportCommand },
  { name: 'diagnostics', summary: 'Write the diagnostics bundle (versions, config, database, reader and sync history, logs; no personal data)', load: async () => (await import('./diagnostics.js')).diagnosticsCommand },
  { name: 'contract', summary: 'Print the RPC contract as JSON Schema, for integrators and test tools', load: async () => (await import('./contract.js')).contractCommand },
  { name: 'key', summary: "Print the appliance's public key, for registering it with central", load: async () => (await import('./key.js')).keyCommand },
  { name: 'officers', summary: 'List and manage officer accounts from the local console: add, roles, disable, enable, reset a PIN (audited)', load: async () => (await import('./officers.js')).officersCommand },
  { name: 'audit', summary: 'Check the audit trail: every link of the hash chain and every signed checkpoint', load: async () => (await import('./audit.js')).auditCommand },
  { name: 'central', summary: 'Run the reference central receiver, register appliance keys, publish deltas, export what it holds', load: async () => (await import('./central.js')).centralCommand },
];
