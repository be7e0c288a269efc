import type { Migration } from '../migration.js';
import { migration001 } from './001-outbox-and-audit.js';
import { migration002 } from './002-officers.js';
import { migration003 } from './003-crossings.js';
import { migration004 } from './004-config-history.js';
import { migration005 } from './005-sync.js';
import { migration006 } from './006-alert-documents.js';
import { migration007 } from './007-alert-persons.js';
import { migration008 } from './008-alert-hits.js';
import { migration009 } from './009-person-rows-by-version.js';
import { migration010 } from './010-document-rows-by-version.js';
import { migration011 } from './011-second-line.js';

/** Every schema version, in order. Append; never edit a released one. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010, migration011];
