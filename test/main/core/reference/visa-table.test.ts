import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreStartError } from '../../../../main/core/app/core-start-error.js';
import { VISA_TABLE_FILE, VisaTable, loadVisaTable } from '../../../../main/core/reference/visa-table.js';
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

describe('the visa rules in force', () => {
  it('are replaced by their owner and read through a view that sees each replace and cannot change them', () => {
    const initial = new Map([['UTO', 'visa-free' as const]]);
    const table = new VisaTable(initial);
    const reader = table.reader;
    expect(reader.get('UTO')).toBe('visa-free');
    expect(Object.keys(reader)).toEqual(['get']);
    expect(Object.isFrozen(reader)).toBe(true);

    table.replace(new Map([['D', 'visa-free' as const]]));
    expect(reader.get('UTO')).toBeUndefined();
    expect(reader.get('D')).toBe('visa-free');

    // Neither the map it was built from nor one handed to replace is kept: changing them later changes nothing.
    initial.set('XXA', 'visa-free');
    expect(reader.get('XXA')).toBeUndefined();
  });
});
