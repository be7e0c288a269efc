/**
 * `sahman chip read` against the virtual chip in vpcd's second reader
 * ("Virtual PCD 00 01"; the drivers' chip test has the first), through the
 * real pcscd.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMrz } from '../../../../main/common/icao/index.js';
import { withChipInReader } from '../../../rigs/virtual-chip/chip-in-reader.js';
import { ensurePcscd } from '../../../rigs/virtual-chip/pcscd.js';
import { SPECIMEN_KEYS, specimenChipFiles } from '../../../rigs/virtual-chip/specimen-chip.js';
import { runSahman, type CliOutcome } from '../../../rigs/cli-in-process.js';
import { SPECIMEN_PASSPORT } from '../../../rigs/specimens.js';
import { tempDir } from '../../../rigs/temp-dir.js';

const READER = 'Virtual PCD 00 01';
/** The specimen's MRZ information: L898902C3, its check digit, then the dates with theirs. */
const MRZ_INFO = 'L898902C3674081223204153';

function withSpecimenChip(argv: readonly string[]): Promise<CliOutcome> {
  return withChipInReader(READER, { mrz: SPECIMEN_KEYS, files: specimenChipFiles() }, () => runSahman(['chip', 'read', '--reader', READER, ...argv]));
}

describe('sahman chip read', () => {
  beforeAll(async () => {
    await ensurePcscd();
  });

  it('reads the chip with the MRZ information and prints one JSON object: access, data groups, DG1, checks and timings', async () => {
    const outcome = await withSpecimenChip(['--mrz-info', MRZ_INFO, '--json']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as { access: string; dataGroups: string[]; dg1: { surname: string; documentNumber: string }; checks: { code: string; verdict: string }[]; timings: { apdus: number; totalMs: number } };
    expect(report.access).toBe('BAC');
    expect(report.dataGroups).toEqual(['DG1', 'DG2']);
    expect(report.dg1).toMatchObject({ surname: 'ERIKSSON', documentNumber: 'L898902C3' });
    expect(report.checks).toEqual([{ code: 'dg1-matches-mrz', verdict: 'passed' }]);
    // SELECT, GET CHALLENGE, EXTERNAL AUTHENTICATE, then SELECT and reads for EF.COM and DG1.
    expect(report.timings.apdus).toBeGreaterThanOrEqual(7);
    // Without --json, the same in lines a technician reads.
    const text = await withSpecimenChip(['--mrz-info', MRZ_INFO]);
    expect(text.stdout).toBe(`Reader: ${READER}\nAccess: BAC\nData groups: DG1 DG2\ndg1-matches-mrz: passed\n`);
  });

  it('reports a printed page that differs from the chip as a failed check, naming the fields, and still exits 0', async () => {
    const file = path.join(tempDir(), 'printed.mrz');
    writeFileSync(file, `${formatMrz({ ...SPECIMEN_PASSPORT, givenNames: 'ANNA MARTA' }, 'TD3')}\n`);
    const outcome = await withSpecimenChip(['--mrz-file', file, '--json']);
    expect(outcome.code).toBe(0);
    const report = JSON.parse(outcome.stdout) as { checks: { code: string; verdict: string; reason?: string }[] };
    expect(report.checks).toEqual([{ code: 'dg1-matches-mrz', verdict: 'failed', reason: "the chip's DG1 differs from the printed MRZ in: givenNames" }]);
  });

  it('exits 1 with one line when the chip cannot be read: MRZ keys that are not the chip\'s, or no chip at all', async () => {
    const wrongKeys = await withSpecimenChip(['--mrz-info', 'L898902C3674081333204153']);
    expect(wrongKeys.code).toBe(1);
    expect(wrongKeys.stderr).toMatch(/^sahman chip read: the chip refused BAC .*the MRZ does not match the chip\n$/);
    const empty = await runSahman(['chip', 'read', '--reader', READER, '--mrz-info', MRZ_INFO]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(`sahman chip read: no chip in the reader "${READER}"\n`);
  });

  it('exits 2 on a usage error: no MRZ, both, or MRZ information whose check digit is wrong', async () => {
    for (const argv of [[], ['--mrz-info', MRZ_INFO, '--mrz-file', 'x'], ['--mrz-info', 'L898902C3574081223204153'], ['--mrz-info', 'L898902C3']]) {
      const outcome = await runSahman(['chip', 'read', ...argv]);
      expect(outcome.code, argv.join(' ')).toBe(2);
      expect(outcome.stderr).toMatch(/^sahman chip: /);
    }
    expect((await runSahman(['chip', 'read', '--mrz-info', 'L898902C3574081223204153'])).stderr).toMatch(/document number's check digit is wrong/);
  });
});
