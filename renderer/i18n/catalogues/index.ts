import type { Language } from '../languages.js';
import { en, type Catalogue } from './en.js';
import { hy } from './hy.js';
import { ru } from './ru.js';

/** Every language's messages, by language. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { hy, ru, en };
