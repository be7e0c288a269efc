/**
 * MRZ engine figures: parse throughput against the npm `mrz` package on the same
 * generated TD1, TD2 and TD3 zones, visa throughput, and heap growth over a million parses.
 */
import { parse as parseWithMrzPackage } from 'mrz';
import { seededRandom } from '../../../drivers/simulator/seeded-random.js';
import { formatMrz, parseMrz } from '../../../main/common/icao/index.js';
import type { MrzFormat, MrzInput, MrzResult } from '../../../main/common/icao/index.js';
import { atLeast, atMost, median, round } from '../suite.js';
import type { BenchSuite } from '../suite.js';

const DOCUMENTS = 100_000;
const ROUNDS = 5;
/**
 * Sahman goes over each slice several times so that its timed window is closer in length to the
 * npm package's single pass: a burst of load from elsewhere then weighs on both alike.
 */
const SAHMAN_PASSES_PER_ROUND = 5;
/** The documents are timed in slices of this many, each slice parsed by one parser then the other. */
const SLICE = 10_000;
const RATIO_TARGET = 10;
const HEAP_GROWTH_LIMIT_MB = 5;
const TODAY = new Date(2025, 5, 15);

const LETTERS = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const ALPHANUMERIC = Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const SYLLABLES = ['AN', 'NA', 'MA', 'RI', 'KO', 'SE', 'LU', 'TA', 'BER', 'SON', 'EL', 'IN', 'OR', 'VAL', 'DE', 'MI', 'KA', 'ZU'];
/** Real codes the npm package knows, so that it does the same work as for a genuine document. */
const STATES = ['FRA', 'DEU', 'NLD', 'CHE', 'ITA', 'ESP', 'SWE', 'USA', 'CAN', 'JPN', 'BRA', 'KEN', 'IND', 'AUS', 'GBR', 'POL'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function word(random: () => number, syllables: number): string {
  let text = '';
  for (let index = 0; index < syllables; index++) text += pick(random, SYLLABLES);
  return text;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

function yymmdd(year: number, random: () => number): string {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${twoDigits(year % 100)}${twoDigits(month)}${twoDigits(day)}`;
}

/** A distinct generated traveller: the serial number makes every document number unique. */
function traveller(random: () => number, serial: number, format: MrzFormat): MrzInput {
  const serialText = serial.toString(36).toUpperCase().padStart(5, '0');
  let prefix = '';
  for (let index = 0; index < 4; index++) prefix += pick(random, format === 'TD1' ? ALPHANUMERIC : LETTERS);
  const codes: Record<MrzFormat, readonly string[]> = {
    TD1: ['I', 'ID', 'IR', 'AC', 'C'],
    // Not `ID`+FRA: the npm package reads that as a French national card, not TD2.
    TD2: ['I', 'IR', 'AC', 'C'],
    TD3: ['P', 'PO', 'PD'],
    'MRV-A': ['V', 'VB'],
    'MRV-B': ['V', 'VC'],
  };
  const optionalLength: Record<MrzFormat, number> = { TD1: 10, TD2: 5, TD3: 12, 'MRV-A': 14, 'MRV-B': 6 };
  let optionalData = '';
  const optionalCount = Math.floor(random() * optionalLength[format]);
  for (let index = 0; index < optionalCount; index++) optionalData += pick(random, ALPHANUMERIC);
  return {
    documentCode: pick(random, codes[format]),
    issuingState: pick(random, STATES),
    documentNumber: `${prefix}${serialText}`,
    nationality: pick(random, STATES),
    birthDate: yymmdd(1940 + Math.floor(random() * 80), random),
    sex: pick(random, ['M', 'F', 'X', '<']),
    expiryDate: yymmdd(2020 + Math.floor(random() * 15), random),
    surname: random() < 0.3 ? `${word(random, 2)} ${word(random, 3)}` : word(random, 2 + Math.floor(random() * 3)),
    givenNames: random() < 0.1 ? '' : `${word(random, 2)}${random() < 0.5 ? ` ${word(random, 2)}` : ''}`,
    optionalData,
    ...(format === 'TD1' ? { optionalData2: random() < 0.5 ? word(random, 2) : '' } : {}),
  };
}

function generate(formats: readonly MrzFormat[], count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const zones: string[] = [];
  for (let serial = 0; serial < count; serial++) {
    const format = formats[serial % formats.length] ?? 'TD3';
    zones.push(formatMrz(traveller(random, serial, format), format));
  }
  return zones;
}

/** Reads every field so that no part of the parse can be optimised away. */
function sahmanDigest(result: MrzResult): number {
  let digest = result.valid ? 1 : 0;
  digest += result.errors.length + result.warnings.length + result.corrections.length + result.checks.length;
  if (result.format === null) return digest;
  const fields = result.fields;
  digest += fields.documentCode.length + fields.issuingState.length + fields.documentNumber.length + fields.nationality.length;
  digest += fields.birthDate.length + fields.sex.length + fields.expiryDate.length + fields.surname.length;
  digest += fields.givenNames.length + fields.optionalData.length + (fields.optionalData2?.length ?? 0);
  digest += (fields.birthDateIso?.length ?? 0) + (fields.expiryDateIso?.length ?? 0);
  return digest;
}

function sahmanPass(zones: readonly string[], passes = 1): { seconds: number; documents: number; digest: number; valid: number } {
  let digest = 0;
  let valid = 0;
  const started = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    valid = 0;
    for (const zone of zones) {
      const result = parseMrz(zone, { today: TODAY });
      digest += sahmanDigest(result);
      if (result.valid) valid++;
    }
  }
  return { seconds: (performance.now() - started) / 1000, documents: zones.length * passes, digest, valid };
}

function mrzPackagePass(zones: readonly string[]): { seconds: number; digest: number; valid: number; thrown: number } {
  let digest = 0;
  let valid = 0;
  let thrown = 0;
  const started = performance.now();
  for (const zone of zones) {
    try {
      const result = parseWithMrzPackage(zone);
      if (result.valid) valid++;
      digest += result.details.length;
      for (const value of Object.values(result.fields)) digest += value?.length ?? 0;
    } catch {
      thrown++;
    }
  }
  return { seconds: (performance.now() - started) / 1000, digest, valid, thrown };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('the mrz bench needs --expose-gc (npm run bench starts suites with it)');
  gc();
  gc();
}

function heapAfterGcMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}

/** Parses `count` documents, cycling through `zones`; returns a digest so the work is kept. */
function parseMany(zones: readonly string[], count: number): number {
  let digest = 0;
  for (let index = 0; index < count; index++) {
    digest += sahmanDigest(parseMrz(zones[index % zones.length] ?? '', { today: TODAY }));
  }
  return digest;
}

export const suite: BenchSuite = {
  name: 'mrz',
  async run() {
    const identityZones = generate(['TD1', 'TD2', 'TD3'], DOCUMENTS, 3);
    const visaZones = generate(['MRV-A', 'MRV-B'], DOCUMENTS, 7);
    const distinct = new Set(identityZones).size;

    // Warm both parsers up so that the rounds measure optimised code.
    sahmanPass(identityZones.slice(0, 20_000));
    mrzPackagePass(identityZones.slice(0, 5_000));
    sahmanPass(visaZones.slice(0, 20_000));

    const sahmanRates: number[] = [];
    const packageRates: number[] = [];
    const sliceRatios: number[] = [];
    const visaRates: number[] = [];
    let sahmanValid = 0;
    let visaValid = 0;
    let packageValid = 0;
    let packageThrown = 0;
    let digest = 0;
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      // Alternate slice by slice, so that a noisy spell on the machine hurts both parsers alike;
      // every round still takes every document through both.
      let sahmanSeconds = 0;
      let packageSeconds = 0;
      sahmanValid = 0;
      packageValid = 0;
      packageThrown = 0;
      for (let start = 0; start < identityZones.length; start += SLICE) {
        const slice = identityZones.slice(start, start + SLICE);
        const ours = sahmanPass(slice, SAHMAN_PASSES_PER_ROUND);
        const theirs = mrzPackagePass(slice);
        sahmanSeconds += ours.seconds;
        packageSeconds += theirs.seconds;
        sliceRatios.push(ours.documents / ours.seconds / (slice.length / theirs.seconds));
        sahmanValid += ours.valid;
        packageValid += theirs.valid;
        packageThrown += theirs.thrown;
        digest += ours.digest + theirs.digest;
      }
      const visas = sahmanPass(visaZones, SAHMAN_PASSES_PER_ROUND);
      sahmanRates.push((identityZones.length * SAHMAN_PASSES_PER_ROUND) / sahmanSeconds);
      packageRates.push(identityZones.length / packageSeconds);
      visaRates.push(visas.documents / visas.seconds);
      visaValid = visas.valid;
      digest += visas.digest;
    }
    const sahmanRate = median(sahmanRates);
    const packageRate = median(packageRates);

    const heapBaseline = heapAfterGcMb();
    digest += parseMany(identityZones, 100_000);
    const heapAt100k = heapAfterGcMb();
    digest += parseMany(identityZones, 900_000);
    const heapAt1M = heapAfterGcMb();

    await Promise.resolve();
    return {
      documents: {
        identity: identityZones.length,
        distinct,
        visas: visaZones.length,
        rounds: ROUNDS,
        slicesPerRound: identityZones.length / SLICE,
        sahmanPassesPerSlice: SAHMAN_PASSES_PER_ROUND,
      },
      sahmanDocsPerSecond: round(sahmanRate, 0),
      mrzPackageDocsPerSecond: round(packageRate, 0),
      ratio: atLeast(round(median(sliceRatios), 2), RATIO_TARGET, 'x the npm mrz package (median over alternated slices)'),
      ratioOfMedianRates: round(sahmanRate / packageRate, 2),
      visaDocsPerSecond: round(median(visaRates), 0),
      rounds: {
        sahman: sahmanRates.map((rate) => round(rate, 0)),
        mrzPackage: packageRates.map((rate) => round(rate, 0)),
        visas: visaRates.map((rate) => round(rate, 0)),
      },
      sanity: {
        sahmanValid: `${String(sahmanValid)}/${String(identityZones.length)}`,
        visasValid: `${String(visaValid)}/${String(visaZones.length)}`,
        mrzPackageValid: `${String(packageValid)}/${String(identityZones.length)}`,
        mrzPackageThrew: packageThrown,
        digest,
      },
      heap: {
        baselineMb: round(heapBaseline, 2),
        after100kParsesMb: round(heapAt100k, 2),
        after1MParsesMb: round(heapAt1M, 2),
        growth: atMost(round(heapAt1M - heapAt100k, 2), HEAP_GROWTH_LIMIT_MB, 'MB'),
      },
    };
  },
};
