import type { Culture, NamePart, Sex } from './identity.js';
import type { Rng } from './prng.js';

/** Western European names in their national orthography: diacritics, apostrophes, hyphens and particles as written. */
interface Pool {
  readonly nationality: string;
  readonly surnames: readonly string[];
  readonly male: readonly string[];
  readonly female: readonly string[];
}
const POOLS: readonly Pool[] = [
  { nationality: 'D', surnames: ['MÜLLER', 'SCHRÖDER', 'GROß', 'WEIß', 'BÄCKER', 'KÖHLER', 'MÖLLER', 'KRÜGER', 'JÄGER', 'SCHÄFER', 'HÖFER', 'GÖTZ', 'LÖWE', 'FUCHS', 'BRÄUER', 'SCHULZE-DÖRING'], male: ['JÜRGEN', 'JÖRG', 'GÜNTER', 'UWE', 'KLAUS', 'STEFFEN', 'MATTHIAS', 'TOBIAS', 'KARL-HEINZ'], female: ['BÄRBEL', 'JÖRDIS', 'SABINE', 'ANNELIESE', 'UTE', 'KÄTHE', 'HANNA-LENA'] },
  { nationality: 'SWE', surnames: ['LINDSTRÖM', 'ÅBERG', 'SJÖBERG', 'NYSTRÖM', 'ÖSTLUND', 'BJÖRK', 'HÅKANSSON', 'ÅKESSON'], male: ['BJÖRN', 'GÖRAN', 'MÅNS', 'ÅKE', 'ANDERS'], female: ['ÅSA', 'BJÖRG', 'MÄRTA', 'LINNÉA'] },
  { nationality: 'NOR', surnames: ['SØRENSEN', 'JØRGENSEN', 'LØVLAND', 'BRÅTEN', 'SKJÆRVØ', 'HØYLAND'], male: ['BJØRN', 'ASBJØRN', 'ØYVIND', 'KÅRE', 'JØRGEN'], female: ['SØLVI', 'ÅSHILD', 'BØRGHILD', 'INGRID'] },
  { nationality: 'TUR', surnames: ['ÖZDEMİR', 'ÇELİK', 'ŞAHİN', 'YILDIRIM', 'YILDIZ', 'GÜNEŞ', 'AYDIN', 'ÖZTÜRK', 'KOÇ', 'ÇAKIR', 'DOĞAN', 'KILIÇ', 'ARSLAN', 'ŞİMŞEK', 'GÜLER', 'ÖZKAN'], male: ['MEHMET', 'HÜSEYİN', 'İBRAHİM', 'İSMAİL', 'ÖMER', 'ŞÜKRÜ', 'ÇAĞLAR', 'GÖKHAN'], female: ['AYŞE', 'ÖZLEM', 'GÜLŞEN', 'ŞEYMA', 'İPEK', 'EMİNE'] },
  { nationality: 'FRA', surnames: ['LEFÈVRE', 'BÉRANGER', 'MÉNARD', 'CÔTÉ', 'LEMAÎTRE', 'GIRAUD', 'DELACROIX', 'DE LA FONTAINE', 'DU PONT'], male: ['JEAN-PIERRE', 'FRANÇOIS', 'JÉRÔME', 'RENÉ', 'JOËL', 'NOËL', 'GAËL', 'CLÉMENT'], female: ['HÉLÈNE', 'CÉLINE', 'AMÉLIE', 'MARIE-CLAIRE', 'ANAÏS', 'ZOÉ'] },
  { nationality: 'ITA', surnames: ["D'AMICO", "D'ANGELO", "DELL'ORTO", "D'ALESSANDRO", 'DI NARDO', 'DE LUCA', 'ESPOSITO', 'BIANCHI', 'COLOMBO', 'RICCI'], male: ['NICCOLÒ', 'GIOSUÈ', 'LUCA', 'MATTEO', 'SALVATORE'], female: ['FRANCESCA', 'CHIARA', 'ROSALBA', 'GRAZIELLA'] },
  { nationality: 'ESP', surnames: ['NÚÑEZ', 'PEÑA', 'MUÑOZ', 'IBÁÑEZ', 'GARCÍA', 'RODRÍGUEZ', 'MARTÍNEZ', 'GÓMEZ'], male: ['JOSÉ', 'JESÚS', 'ÁNGEL', 'RAMÓN', 'JOAQUÍN'], female: ['MARÍA', 'INÉS', 'SOFÍA', 'ROCÍO', 'MÓNICA'] },
  { nationality: 'IRL', surnames: ["O'BRIEN", "O'CONNOR", "O'NEILL", "O'SULLIVAN", 'MCCARTHY', 'MACKENZIE'], male: ['SEÁN', 'PÁDRAIG', 'CIARÁN', 'EOIN', 'DÓNAL'], female: ['SÍOBHÁN', 'NIAMH', 'AOIFE', 'MÁIRE', 'ÓRLAITH'] },
  { nationality: 'NLD', surnames: ['VAN DER BERG', 'VAN DIJK', 'DE JONG', 'VAN DEN BOSCH', 'VAN LEEUWEN'], male: ['JOOST', 'SJOERD', 'DAAN'], female: ['ANOUK', 'FLEUR', 'MARIJKE'] },
];
const MAC_ROOTS = 'DONALD KENZIE LEOD GREGOR INTYRE LEAN MILLAN NEIL PHERSON KAY ALLISTER BRIDE CORMACK LAREN'.split(' ');

function part(kind: string, name: string): NamePart {
  return { key: `western:${kind}:${name}`, forms: { orthography: name } };
}

export function westernPool(nationality: string): Pool {
  const pool = POOLS.find((candidate) => candidate.nationality === nationality);
  if (pool === undefined) throw new Error(`no pool ${nationality}`);
  return pool;
}

export const WESTERN_NATIONALITIES: readonly string[] = POOLS.map((pool) => pool.nationality);

/** A surname with MC or MAC: forms `mc` (MCDONALD), `mac` (MACDONALD), `mc-split` (MC DONALD). */
export function macSurname(rng: Pick<Rng, 'pick'>): NamePart {
  const root = rng.pick(MAC_ROOTS);
  return { key: `western:s:MAC${root}`, forms: { orthography: `MC${root}`, mc: `MC${root}`, mac: `MAC${root}`, 'mc-split': `MC ${root}` } };
}

export const westernSurname = (pool: Pool, rng: Pick<Rng, 'pick'>): NamePart => part('s', rng.pick(pool.surnames));
export const westernGiven = (pool: Pool, rng: Pick<Rng, 'pick'>, sex: Sex): NamePart => part('g', rng.pick(sex === 'M' ? pool.male : pool.female));

/** The pools as one culture (the pool picked per name part; the generator picks a pool per person for coherence). */
export const western: Culture = {
  id: 'western',
  nationalities: WESTERN_NATIONALITIES,
  passport: 'orthography',
  surname: (rng) => westernSurname(rng.pick(POOLS), rng),
  given: (rng, sex) => westernGiven(rng.pick(POOLS), rng, sex),
};
