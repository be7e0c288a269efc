import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreStartError } from '../../../../main/core/app/core-start-error.js';
import { VISA_TABLE_FILE, loadVisaTable } from '../../../../main/core/reference/visa-table.js';
import { tempDir } from '../../../rigs/temp-dir.js';

function withTable(content: string): string {
  const dataDir = tempDir();
  mkdirSync(path.join(dataDir, 'reference'));
  writeFileSync(path.join(dataDir, VISA_TABLE_FILE), content);
  return dataDir;
}

describe('the visa reference table', () => {
  it('is empty when the file is absent, so the visa check says it could not run', () => {
    expect(loadVisaTable(tempDir()).size).toBe(0);
  });

  it('gives the requirement per nationality', () => {
    const table = loadVisaTable(withTable(JSON.stringify({ version: 3, rules: { UTO: 'visa-free', XXA: 'visa-required' } })));
    expect(table.get('UTO')).toBe('visa-free');
    expect(table.get('XXA')).toBe('visa-required');
  });

  it('stops start-up with a clear error when the file is damaged', () => {
    expect(() => loadVisaTable(withTable('{"version": 1, "rules": {"UTO": "maybe"}}'))).toThrow(CoreStartError);
    expect(() => loadVisaTable(withTable('{"version": 1, "rules": {"UTO": "maybe"}}'))).toThrow(/rules\.UTO/);
    expect(() => loadVisaTable(withTable('not json'))).toThrow(/not valid JSON/);
  });
});
