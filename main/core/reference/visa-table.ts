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

/** What the document checks may do with the visa rules: read them, never change them. */
export interface VisaRules {
  get(nationality: string): VisaRequirement | undefined;
}

/**
 * The visa rules in force: one owner, so that one side (the downlink from
 * central, through the reference store) replaces them and every other side
 * (capture's document checks) reads them through `reader`, which has no way to
 * change them. A replace takes effect at the next read.
 */
export class VisaTable {
  private rules: ReadonlyMap<string, VisaRequirement>;
  /** A read-only view that always sees the rules now in force. */
  readonly reader: VisaRules;

  constructor(rules: ReadonlyMap<string, VisaRequirement> = new Map()) {
    this.rules = new Map(rules);
    this.reader = Object.freeze({ get: (nationality: string) => this.rules.get(nationality) });
  }

  /** The rules now in force, as a snapshot. */
  current(): ReadonlyMap<string, VisaRequirement> {
    return this.rules;
  }

  /** Puts a whole new set of rules in force (a copy of `rules`, so the caller keeps no handle on them). */
  replace(rules: ReadonlyMap<string, VisaRequirement>): void {
    this.rules = new Map(rules);
  }
}
