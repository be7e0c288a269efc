import type { Culture, NamePart } from './identity.js';

/** Arabic and Persian names: groups of the spellings one name takes in Latin script (v0, v1…). */
const ARABIC_MALE: readonly (readonly string[])[] = [
  ['MOHAMMED', 'MUHAMMAD', 'MOHAMMAD', 'MOHAMED', 'MUHAMMED'], ['AHMED', 'AHMAD'], ['ALI', 'ALY'], ['HUSSEIN', 'HUSSAIN', 'HUSAIN', 'HOSSEIN'],
  ['HASSAN', 'HASAN'], ['OMAR', 'UMAR'], ['KHALED', 'KHALID'], ['YOUSSEF', 'YOUSEF', 'YUSUF', 'YOUSIF'], ['IBRAHIM', 'EBRAHIM'],
  ['ABDULLAH', 'ABDALLAH', 'ABDULA'], ['ABDULRAHMAN', 'ABDUL RAHMAN', 'ABDEL RAHMAN', 'ABDALRAHMAN'], ['MUSTAFA', 'MOSTAFA', 'MUSTAPHA'],
  ['SAEED', 'SAID', 'SAEID'], ['NASSER', 'NASIR', 'NASER'], ['TARIQ', 'TAREK', 'TAREQ'], ['HAMZA', 'HAMZAH'], ['JAMAL', 'GAMAL'],
  ['MAHMOUD', 'MAHMUD', 'MAHMOOD'], ['SALEH', 'SALIH'], ['FAISAL', 'FAYSAL'], ['MAJID', 'MAJED'], ['WALID', 'WALEED'], ['KARIM', 'KAREEM'],
  ['MEHDI', 'MAHDI'], ['JAVAD', 'JAWAD'], ['YASSIN', 'YASIN', 'YASEEN'], ['ZIAD', 'ZIYAD'], ['REZA', 'RIZA'],
];
const ARABIC_FEMALE: readonly (readonly string[])[] = [
  ['FATIMA', 'FATEMA', 'FATEMEH', 'FATMA'], ['AISHA', 'AICHA', 'AYESHA'], ['MARYAM', 'MARIAM', 'MERIEM'], ['ZAINAB', 'ZEINAB', 'ZAYNAB'],
  ['KHADIJA', 'KHADIJAH', 'KHADIDJA'], ['LAYLA', 'LEILA', 'LAILA'], ['NOUR', 'NOOR'], ['HODA', 'HUDA'], ['ZAHRA', 'ZAHRAA'],
  ['SAMIRA', 'SAMEERA'], ['YASMIN', 'YASMINE', 'YASAMIN'], ['RANIA', 'RANYA'],
];
const FAMILY: readonly (readonly string[])[] = [
  ['HOSSEINI', 'HOSEYNI', 'HUSSEINI', 'HOSEINI'], ['MOHAMMADI', 'MOHAMADI', 'MUHAMMADI'], ['REZAEI', 'REZAI', 'REZAIE'], ['KARIMI', 'KAREEMI'],
  ['AHMADI', 'AHMEDI'], ['HASHEMI', 'HASHIMI'], ['MOUSAVI', 'MUSAVI', 'MOUSSAVI'], ['JAFARI', 'JAFFARI', 'JAAFARI'], ['SADEGHI', 'SADEQI', 'SADIQI'],
  ['NAJJAR', 'NAJAR'], ['HADDAD', 'HADAD'], ['KHOURY', 'KHOURI', 'KHURI'], ['MANSOUR', 'MANSUR', 'MANSOOR'], ['NASSAR', 'NASAR'],
];
/** Family names with the article: AL X, and its other writings (AR RASHID before a sun letter, EL X, AL-X, ALX). */
const ARTICLE_ROOTS = 'RASHID SHAMMARI DOSARI NOURI TAMIMI ZAHRANI SAYED QAHTANI HARBI KHATIB MASRI JABER HAKIM'.split(' ');
const SUN = /^(T|TH|D|DH|R|Z|S|SH|N|L)/;

function articleForms(root: string): string[] {
  const assimilated = SUN.exec(root);
  const forms = [`AL ${root}`, `EL ${root}`, `AL-${root}`, `AL${root}`];
  if (assimilated?.[1] !== undefined) forms.push(`A${assimilated[1].slice(0, assimilated[1].length === 2 ? 2 : 1)} ${root}`);
  return forms;
}

function groupPart(kind: string, spellings: readonly string[]): NamePart {
  return { key: `arabic:${kind}:${spellings[0] ?? ''}`, forms: Object.fromEntries(spellings.map((spelling, i) => [`v${i}`, spelling])) };
}

export function arabicArticleSurname(root: string): NamePart {
  return groupPart('s', articleForms(root));
}

export const ARABIC_ARTICLE_ROOTS: readonly string[] = ARTICLE_ROOTS;

export const arabic: Culture = {
  id: 'arabic',
  nationalities: ['SYR', 'IRQ', 'EGY', 'JOR', 'LBN', 'IRN', 'AFG', 'YEM'],
  passport: 'v0',
  surname: (rng) => (rng.chance(0.4) ? arabicArticleSurname(rng.pick(ARTICLE_ROOTS)) : rng.chance(0.5) ? groupPart('s', rng.pick(FAMILY)) : groupPart('s', rng.pick(ARABIC_MALE))),
  given: (rng, sex) => groupPart('g', rng.pick(sex === 'M' ? ARABIC_MALE : ARABIC_FEMALE)),
  /** The father's name, which Arabic names carry as a middle name. */
  patronymic: (rng) => groupPart('g', rng.pick(ARABIC_MALE)),
};

export function arabicNamed(kind: 's' | 'g', first: string): NamePart {
  const group = [...ARABIC_MALE, ...ARABIC_FEMALE, ...FAMILY].find((spellings) => spellings[0] === first);
  if (group === undefined) throw new Error(`no Arabic name ${first}`);
  return groupPart(kind, group);
}

/** Chinese: one character's readings in Hanyu Pinyin, Wade-Giles and Cantonese (Hong Kong government romanisation). */
type Readings = readonly [han: string, pinyin: string, wade: string, cantonese: string];
const SURNAMES: readonly Readings[] = [
  ['张', 'ZHANG', 'CHANG', 'CHEUNG'], ['王', 'WANG', 'WANG', 'WONG'], ['李', 'LI', 'LI', 'LEE'], ['陈', 'CHEN', 'CH’EN', 'CHAN'], ['刘', 'LIU', 'LIU', 'LAU'],
  ['周', 'ZHOU', 'CHOU', 'CHOW'], ['吴', 'WU', 'WU', 'NG'], ['徐', 'XU', 'HSÜ', 'TSUI'], ['孙', 'SUN', 'SUN', 'SUEN'], ['朱', 'ZHU', 'CHU', 'CHU'],
  ['胡', 'HU', 'HU', 'WOO'], ['郭', 'GUO', 'KUO', 'KWOK'], ['何', 'HE', 'HO', 'HO'], ['林', 'LIN', 'LIN', 'LAM'], ['罗', 'LUO', 'LO', 'LAW'],
  ['梁', 'LIANG', 'LIANG', 'LEUNG'], ['谢', 'XIE', 'HSIEH', 'TSE'], ['郑', 'ZHENG', 'CHENG', 'CHENG'], ['杨', 'YANG', 'YANG', 'YEUNG'],
  ['赵', 'ZHAO', 'CHAO', 'CHIU'], ['高', 'GAO', 'KAO', 'KO'], ['邓', 'DENG', 'TENG', 'TANG'], ['许', 'XU', 'HSÜ', 'HUI'], ['冯', 'FENG', 'FENG', 'FUNG'],
];
const SYLLABLES: readonly Readings[] = [
  ['明', 'MING', 'MING', 'MING'], ['伟', 'WEI', 'WEI', 'WAI'], ['华', 'HUA', 'HUA', 'WAH'], ['建', 'JIAN', 'CHIEN', 'KIN'], ['国', 'GUO', 'KUO', 'KWOK'],
  ['志', 'ZHI', 'CHIH', 'CHI'], ['强', 'QIANG', 'CH’IANG', 'KEUNG'], ['军', 'JUN', 'CHÜN', 'KWAN'], ['平', 'PING', 'P’ING', 'PING'], ['晓', 'XIAO', 'HSIAO', 'HIU'],
  ['丽', 'LI', 'LI', 'LAI'], ['芳', 'FANG', 'FANG', 'FONG'], ['文', 'WEN', 'WEN', 'MAN'], ['海', 'HAI', 'HAI', 'HOI'], ['东', 'DONG', 'TUNG', 'TUNG'],
  ['杰', 'JIE', 'CHIEH', 'KIT'], ['玲', 'LING', 'LING', 'LING'], ['荣', 'RONG', 'JUNG', 'WING'], ['德', 'DE', 'TE', 'TAK'], ['辉', 'HUI', 'HUI', 'FAI'],
  ['秀', 'XIU', 'HSIU', 'SAU'], ['英', 'YING', 'YING', 'YING'], ['嘉', 'JIA', 'CHIA', 'KA'], ['思', 'SI', 'SSU', 'SZE'], ['天', 'TIAN', 'T’IEN', 'TIN'],
  ['浩', 'HAO', 'HAO', 'HO'], ['静', 'JING', 'CHING', 'CHING'], ['美', 'MEI', 'MEI', 'MEI'], ['红', 'HONG', 'HUNG', 'HUNG'], ['燕', 'YAN', 'YEN', 'YIN'],
  ['敏', 'MIN', 'MIN', 'MAN'], ['成', 'CHENG', 'CH’ENG', 'SHING'], ['春', 'CHUN', 'CH’UN', 'CHUN'], ['光', 'GUANG', 'KUANG', 'KWONG'],
];

function chinesePart(kind: string, characters: readonly Readings[]): NamePart {
  const join = (index: 1 | 2 | 3, separator: string): string => characters.map((reading) => reading[index]).join(separator);
  return {
    key: `chinese:${kind}:${characters.map(([han]) => han).join('')}`,
    forms: { pinyin: join(1, ''), 'pinyin-split': join(1, ' '), wade: join(2, '-'), cantonese: join(3, ' ') },
  };
}

export function chineseGiven(rng: Parameters<Culture['given']>[0], syllables: 1 | 2): NamePart {
  return chinesePart('g', syllables === 1 ? [rng.pick(SYLLABLES)] : [rng.pick(SYLLABLES), rng.pick(SYLLABLES)]);
}

export const chinese: Culture = {
  id: 'chinese',
  nationalities: ['CHN', 'HKG', 'TWN', 'SGP'],
  passport: 'pinyin',
  surname: (rng) => chinesePart('s', [rng.pick(SURNAMES)]),
  given: (rng) => chineseGiven(rng, rng.chance(0.7) ? 2 : 1),
};
