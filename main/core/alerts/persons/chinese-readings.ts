/**
 * Chinese names in the three romanisations passports and lists use: Hanyu
 * Pinyin (mainland passports), Wade-Giles (Taiwan and older documents; the
 * MRZ drops its apostrophes and umlauts) and the Hong Kong government's
 * Cantonese romanisation. Pinyin and Wade-Giles correspond syllable for
 * syllable, so Wade-Giles is derived by its published rules; a Cantonese
 * reading belongs to a character, not a syllable, so the table below gives
 * the readings of the common surnames and given-name characters only.
 */
const PINYIN = `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo da dai dan dang dao de dei den deng di dian diao die ding diu dong dou du duan dui dun duo
e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lyu lve
ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nyu
o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng si song sou su suan sui sun suo
sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo`
  .split(/\s+/)
  .map((syllable) => syllable.toUpperCase());

/** Whole syllables Wade-Giles writes apart from its initial and final rules. */
const WADE_GILES_SYLLABLES: Readonly<Record<string, string>> = {
  ZHI: 'CHIH', CHI: 'CHIH', SHI: 'SHIH', RI: 'JIH', ZI: 'TZU', CI: 'TZU', SI: 'SSU', ER: 'ERH', E: 'O', GE: 'KO', KE: 'KO', HE: 'HO',
  YOU: 'YU', YI: 'I', YAN: 'YEN', YE: 'YEH', YONG: 'YUNG', YUE: 'YUEH', GUO: 'KUO', KUO: 'KUO', HUO: 'HUO', SHUO: 'SHUO',
  GUI: 'KUEI', KUI: 'KUEI', XIONG: 'HSIUNG', QIONG: 'CHIUNG', JIONG: 'CHIUNG',
};
const WADE_GILES_INITIALS: readonly (readonly [string, string])[] = [
  ['ZH', 'CH'], ['CH', 'CH'], ['SH', 'SH'], ['B', 'P'], ['P', 'P'], ['D', 'T'], ['T', 'T'], ['G', 'K'], ['K', 'K'], ['Z', 'TS'], ['C', 'TS'],
  ['J', 'CH'], ['Q', 'CH'], ['X', 'HS'], ['R', 'J'],
];
const WADE_GILES_FINALS: readonly (readonly [RegExp, string])[] = [
  [/ONG$/, 'UNG'], [/IAN$/, 'IEN'], [/IE$/, 'IEH'], [/UE$/, 'UEH'], [/UO$/, 'O'], [/^E$/, 'E'],
];

function wadeGiles(pinyin: string): string {
  const whole = WADE_GILES_SYLLABLES[pinyin];
  if (whole !== undefined) return whole;
  let initial = '';
  let rest = pinyin;
  for (const [from, to] of WADE_GILES_INITIALS) {
    if (pinyin.startsWith(from)) {
      initial = to;
      rest = pinyin.slice(from.length);
      break;
    }
  }
  for (const [pattern, to] of WADE_GILES_FINALS) rest = rest.replace(pattern, to);
  return initial + rest;
}

/** Cantonese (Hong Kong) readings of common surname and given-name characters, by their Pinyin. */
const CANTONESE: Readonly<Record<string, string>> = {
  ZHANG: 'CHEUNG', CHEN: 'CHAN', HUANG: 'WONG', WANG: 'WONG', WU: 'NG WU MO', LI: 'LEE LI LAI LEI', LIU: 'LAU', LIN: 'LAM', XIAO: 'SIU HIU',
  ZHOU: 'CHOW CHAU', XU: 'HUI CHUI TSUI', XIE: 'TSE', ZHENG: 'CHENG CHING', LIANG: 'LEUNG', YE: 'YIP', GUO: 'KWOK', HE: 'HO', LUO: 'LO LAW',
  DENG: 'TANG', CAI: 'CHOI', CAO: 'TSO CHO', FENG: 'FUNG', YUAN: 'YUEN', JIANG: 'KONG CHEUNG KEUNG', TANG: 'TONG', YANG: 'YEUNG',
  ZHAO: 'CHIU', SUN: 'SUEN SUN', MA: 'MA', ZHU: 'CHU CHUE', HU: 'WU FU', GAO: 'KO', SONG: 'SUNG', HAN: 'HON', PENG: 'PANG', LU: 'LUK LO LUI',
  WEI: 'WAI NGAI', ZENG: 'TSANG', TAN: 'TAM TAN', DU: 'TO', DONG: 'TUNG', PAN: 'POON PUN', FANG: 'FONG', SHI: 'SHEK SZE SI SEE', MO: 'MOK',
  KONG: 'HUNG', MAI: 'MAK', QIU: 'YAU', LAI: 'LAI', TIAN: 'TIN', HOU: 'HAU', CHENG: 'CHING', WEN: 'MAN WAN', LEI: 'LUI', LONG: 'LUNG',
  OU: 'AU', YU: 'YU YUE U', GUAN: 'KWAN', CUI: 'CHUI', QIAN: 'CHIN', SU: 'SO', JIN: 'KAM', MENG: 'MANG', XIONG: 'HUNG', QIN: 'CHUN',
  YAN: 'YAN YIM YIN', LIAO: 'LIU', FU: 'FU', SHEN: 'SHUM SUM SAN', DAI: 'TAI', XIANG: 'HEUNG CHEUNG', BAI: 'PAK', KANG: 'HONG', NIE: 'NIP', GE: 'KOT',
  MING: 'MING', JUN: 'CHUN KWAN', HUA: 'WA WAH FA', JIE: 'KIT KAI', XIU: 'SAU', YING: 'YING', HUI: 'WAI FAI', LAN: 'LAN', MEI: 'MEI MAY',
  HONG: 'HUNG HONG', GUANG: 'KWONG', ZHI: 'CHI', QIANG: 'KEUNG', JIAN: 'KIN KAN', HAI: 'HOI', TAO: 'TO', BO: 'PO', KAI: 'HOI KAI',
  XIN: 'YAN SAN', JING: 'CHING KING', YI: 'YEE YI', FEI: 'FEI', NA: 'NA', LING: 'LING', QING: 'CHING HING', JIA: 'KA', HAO: 'HO',
  TING: 'TING', PING: 'PING', DE: 'TAK', ZHEN: 'CHUN CHAN', XIA: 'HA', LE: 'LOK', YONG: 'WING YUNG', SHAN: 'SHAN', BIN: 'PUN BUN', CHUN: 'CHUN',
  AN: 'ON', AI: 'OI', XUE: 'SUET', SHU: 'SHU SUE', YUE: 'YUET', FEN: 'FUN', QI: 'KEI CHI', KUN: 'KWAN', HENG: 'HANG',
  RONG: 'WING YUNG', BAO: 'PO', CHANG: 'CHEUNG', SHENG: 'SING', HUAN: 'WOON WUN', NING: 'NING', ZE: 'CHAK', ZI: 'CHI TSZ', SI: 'SZE SI',
  MAN: 'MAN', NAN: 'NAM', MIN: 'MAN MIN', ZHUANG: 'CHONG', KE: 'HO', PEI: 'PUI', QUAN: 'CHUEN', XUAN: 'SUEN', RUI: 'YUI',
  JIAO: 'KIU', QIAO: 'KIU', YAO: 'YIU', ZHONG: 'CHUNG', SHAO: 'SHIU', CHAO: 'CHIU', WAN: 'WAN', ZHAN: 'CHIN',
}

/** Every spelling of a syllable, to the Pinyin syllables it may stand for. */
const READINGS = new Map<string, Set<string>>();
function addReading(spelling: string, pinyin: string): void {
  if (spelling === '') return;
  const known = READINGS.get(spelling) ?? new Set<string>();
  known.add(pinyin);
  READINGS.set(spelling, known);
}
for (const syllable of PINYIN) {
  addReading(syllable, syllable);
  const wade = wadeGiles(syllable);
  addReading(wade, syllable);
  // Wade-Giles writes the Pinyin U after J, Q, X and Y (and LV, NV) as Ü, which an MRZ writes UE.
  if (/^(J|Q|X|Y)U|^[LN]V/.test(syllable)) addReading(wade.replace(/U|V/, 'UE'), syllable);
}
for (const [pinyin, spellings] of Object.entries(CANTONESE)) for (const spelling of spellings.split(' ')) addReading(spelling, pinyin);
/** Cantonese NG and U are whole names (吳, 余), never the end of another syllable. */
const WHOLE_ONLY = new Set(['NG', 'U']);

const LONGEST = Math.max(...[...READINGS.keys()].map((spelling) => spelling.length));
const MAX_READINGS = 48;

/**
 * The Pinyin syllable sequences a name part can be read as, joined by '-'
 * (XIAOMING, HSIAO MING and SIU MING all give XIAO-MING); empty when the part
 * is not a run of Chinese syllables.
 */
export function chineseReadings(part: string): ReadonlySet<string> {
  if (part.length > 24) return new Set();
  const reachable: Set<string>[] = Array.from({ length: part.length + 1 }, () => new Set<string>());
  reachable[0]?.add('');
  for (let at = 0; at < part.length; at += 1) {
    const before = reachable[at];
    if (before === undefined || before.size === 0) continue;
    for (let length = 1; length <= LONGEST && at + length <= part.length; length += 1) {
      const spelling = part.slice(at, at + length);
      const syllables = READINGS.get(spelling);
      if (syllables === undefined || (WHOLE_ONLY.has(spelling) && spelling !== part)) continue;
      const after = reachable[at + length];
      if (after === undefined) continue;
      for (const prefix of before) {
        for (const syllable of syllables) {
          if (after.size >= MAX_READINGS) break;
          after.add(prefix === '' ? syllable : `${prefix}-${syllable}`);
        }
      }
    }
  }
  const all = [...(reachable[part.length] ?? [])];
  // The fewest syllables is the reading: HUANG is one syllable, not HU-A-NG.
  const fewest = Math.min(...all.map((reading) => reading.split('-').length));
  return new Set(all.filter((reading) => reading.split('-').length === fewest));
}

/** Whether two name parts can be the same Chinese name in different romanisations. */
export function sameChineseName(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const reading of a) if (b.has(reading)) return true;
  return false;
}
