/**
 * Generated listed persons and travellers for the person-matching benchmark:
 * fictitious, drawn at random from common names of the cultures a lane in the
 * region meets, so that the blocking index sees the skew of real lists
 * (many MOHAMMEDs, many -YANs) without any real person in it.
 */
import type { MrzTraveller, PersonListEntry } from '../../main/common/contract/alert-lists.js';

const SURNAMES = `HOVHANNISYAN KHACHATRYAN PETROSYAN SARGSYAN HAKOBYAN GRIGORYAN MARTIROSYAN HARUTYUNYAN KARAPETYAN GEVORGYAN
IVANOV SMIRNOV KUZNETSOV POPOV VASILEV PETROV SOKOLOV MIKHAILOV NOVIKOV FEDOROV MOROZOV VOLKOV ALEKSEEV LEBEDEV SEMENOV
BERIDZE KAPANADZE GELASHVILI MAISURADZE GIORGADZE LOMIDZE TSIKLAURI BOLKVADZE NOZADZE KHUTSISHVILI
MAMMADOV ALIYEV HASANOV HUSEYNOV GULIYEV ISMAYILOV JAFAROV ABBASOV BABAYEV RZAYEV
NURLANOV ZHUMABAYEV SEITKALI OMAROV AKHMETOV ABDRAKHMANOV ISKAKOV BEKOV TOKTAROV SULEIMENOV
MOHAMMED AHMED HASSAN HUSSEIN ALI IBRAHIM ABDULLAH HOSSEINI MOHAMMADI AL RASHID AL HARBI KHALIL NASSER SALEH
ZHANG WANG LI LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE LIN LUO GAO
YILMAZ KAYA DEMIR SAHIN CELIK OZDEMIR AYDIN ARSLAN MUELLER SCHMIDT SCHNEIDER FISCHER ROSSI RUSSO GARCIA MARTIN
BERNARD DUBOIS SMITH JOHNSON BROWN WILLIAMS NOWAK KOWALSKI`.split(/\s+/);

const GIVEN = `ARMEN ARAM GEVORG NAREK TIGRAN ANI ANNA LILIT MARIAM ARMINE HOVHANNES DAVIT SERGEI ALEKSANDR DMITRII ANDREI IVAN
OLGA TATIANA ELENA NATALIA IRINA GIORGI LEVAN NINO TAMAR ZURAB RASHAD ELNUR AYSEL LEYLA TURAL NURSULTAN ERLAN AIGERIM DANA BERIK
MOHAMMED AHMED OMAR YOUSSEF FATIMA AISHA MARYAM HASSAN ALI REZA WEI MING XIAOMING JUN LI NA HUI YING JIE MEHMET AYSE FATMA
EMRE HANS ANNA PETER MARIA GIUSEPPE JEAN PIERRE JOHN MICHAEL DAVID SARAH`.split(/\s+/);

const ACTIONS = ['arrest', 'refer', 'inform'] as const;

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty pool');
  return item;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function generatedPerson(random: () => number, index: number): PersonListEntry {
  const year = 1940 + Math.floor(random() * 65);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const precision = random();
  const birthDate = precision < 0.8 ? `${String(year)}-${pad(month)}-${pad(day)}` : precision < 0.9 ? `${String(year)}-${pad(month)}` : String(year);
  const givenNames = random() < 0.3 ? `${pick(random, GIVEN)} ${pick(random, GIVEN)}` : pick(random, GIVEN);
  return {
    id: `BENCH-${String(index)}`,
    surname: pick(random, SURNAMES),
    givenNames,
    aliases: random() < 0.1 ? [{ surname: pick(random, SURNAMES), givenNames: pick(random, GIVEN) }] : [],
    birthDate,
    nationality: null,
    sex: null,
    category: random() < 0.5 ? 'national-warrant' : 'notice',
    action: pick(random, ACTIONS),
  };
}

/** A traveller who is the listed person, as their MRZ writes them (the first fold form, the birth date as YYMMDD). */
export function travellerFor(entry: PersonListEntry): MrzTraveller {
  const [year = '1970', month = '<<', day = '<<'] = (entry.birthDate ?? '').split('-');
  return { surname: entry.surname, givenNames: entry.givenNames, birthDate: `${year.slice(2)}${month.padStart(2, '<')}${day.padStart(2, '<')}`, nationality: '', sex: '' };
}

/** A traveller nobody listed: random names from the same pools, a random date. */
export function randomTraveller(random: () => number): MrzTraveller {
  return {
    surname: pick(random, SURNAMES),
    givenNames: pick(random, GIVEN),
    birthDate: `${pad(Math.floor(random() * 100))}${pad(1 + Math.floor(random() * 12))}${pad(1 + Math.floor(random() * 28))}`,
    nationality: '',
    sex: '',
  };
}
