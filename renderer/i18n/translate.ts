import type { MessageId } from './catalogues/en.js';

export type MessageValues = Readonly<Record<string, string | number>>;
/** The typed message function's shape, in a file without JSX, so that plain-TypeScript modules and their Node tests can name it. */
export type Translate = (id: MessageId, values?: MessageValues) => string;
