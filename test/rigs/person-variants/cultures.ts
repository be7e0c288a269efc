import { arabic, chinese } from './arabic-chinese.js';
import { armenian } from './armenian.js';
import { azerbaijani, georgian, kazakh } from './caucasus-central-asia.js';
import type { Culture, CultureId } from './identity.js';
import { slavic } from './slavic.js';
import { western } from './western.js';

/** Every culture's pools, by id. */
export const CULTURE_BY_ID: Readonly<Record<CultureId, Culture>> = { slavic, armenian, georgian, azerbaijani, kazakh, arabic, chinese, western };
