import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { VisaRequirement } from '../../common/contract/document-checks.js';
import { CoreStartError } from '../app/core-start-error.js';
import { describeIssues } from '../../common/contract/describe-issues.js';

export const VISA_TABLE_FILE = path.join('reference', 'visa-requirements.json');

const VisaTableFile = z
  .object({
    version: z.number().int().nonnegative(),
    rules: z.record(z.string().regex(/^[A-Z<]{1,3}$/), VisaRequirement),
  })
  .strict();

/**
 * The visa requirement per nationality, from the data folder (later kept up to
 * date from central). No file means no rules: the visa check then says it
 * could not run, rather than guessing.
 */
export function loadVisaTable(dataDir: string): ReadonlyMap<string, VisaRequirement> {
  const file = path.join(dataDir, VISA_TABLE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return new Map();
    throw new CoreStartError(`cannot read the visa table ${file}: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CoreStartError(`the visa table ${file} is not valid JSON`);
  }
  const parsed = VisaTableFile.safeParse(json);
  if (!parsed.success) {
    throw new CoreStartError(`the visa table ${file} is invalid: ${describeIssues(parsed.error)}`);
  }
  return new Map(Object.entries(parsed.data.rules));
}
