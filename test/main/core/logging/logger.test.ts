import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flushLogger, logDirectory, openLogger } from '../../../../main/core/logging/logger.js';
import { startInProcessAppliance } from '../../../rigs/in-process-appliance.js';
import { tempDir } from '../../../rigs/temp-dir.js';
import { nextMessage, openSocket, whenOpen } from '../../../rigs/ws-rpc.js';

/** The ICAO Doc 9303 specimen passport (Utopia), never a real person's. */
const SPECIMEN_DOCUMENT_NUMBER = 'L898902C3';
const SPECIMEN_MRZ = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

function readAllLogs(dataDir: string): string {
  const dir = logDirectory(dataDir);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => readFileSync(path.join(dir, name), 'utf8'))
    .join('');
}

describe('the core log', () => {
  it('records what happened but never a document number or an MRZ sent to the core', async () => {
    const { core, host, dataDir } = await startInProcessAppliance();
    const socket = openSocket(host.port, { token: host.token });
    await whenOpen(socket);
    const payloads = [
      { type: 'call', id: 1, method: 'system.info', params: { documentNumber: SPECIMEN_DOCUMENT_NUMBER } },
      { type: 'call', id: 2, method: `lookup.${SPECIMEN_DOCUMENT_NUMBER}`, params: { mrz: SPECIMEN_MRZ } },
      { type: 'subscribe', id: 3, stream: 'diagnostics.linkTest', params: { count: SPECIMEN_DOCUMENT_NUMBER } },
      { type: SPECIMEN_DOCUMENT_NUMBER, id: 4 },
    ];
    for (const payload of payloads) {
      const answer = nextMessage(socket);
      socket.send(JSON.stringify(payload));
      expect(await answer).toMatchObject({ type: 'error' });
    }
    // Even a direct slip in code that passes personal data to the logger is redacted.
    core.log.warn({ documentNumber: SPECIMEN_DOCUMENT_NUMBER, mrz: SPECIMEN_MRZ, params: { surname: 'ERIKSSON' } }, 'slip');
    socket.close();
    await new Promise((resolve) => socket.once('close', resolve));
    await core.close();

    const logs = readAllLogs(dataDir);
    expect(logs).toContain('client connected');
    expect(logs).toContain('[redacted]');
    expect(logs).not.toContain(SPECIMEN_DOCUMENT_NUMBER);
    expect(logs).not.toContain('ERIKSSON');
    expect(logs).not.toContain(host.token);
    for (const line of logs.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});

describe('log rotation', () => {
  it('rolls to a new file at the size limit and keeps a bounded number of files', async () => {
    const dataDir = tempDir();
    const log = await openLogger({ dataDir, maxFileSize: '1k', keepFiles: 2 });
    for (let i = 0; i < 200; i++) {
      log.info({ event: i }, 'a line long enough to fill a small log file quickly');
      // pino-roll checks the size as writes complete, so give each batch a turn.
      if (i % 20 === 19) {
        await flushLogger(log);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    await flushLogger(log);
    const files = readdirSync(logDirectory(dataDir)).filter((name) => /^sahman\.\d+\.log$/.test(name));
    expect(files.length).toBeGreaterThan(1);
    expect(files.length).toBeLessThanOrEqual(3);
  });
});
