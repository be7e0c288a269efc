import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { migrate } from '../../main/core/db/migrate.js';
import { migrations } from '../../main/core/db/migrations/index.js';
import { openDatabase } from '../../main/core/db/open-database.js';
import { tempDir } from './temp-dir.js';

/** The appliance's database in a fresh folder, migrated; reopen() closes it and opens the same file again, as a restart does. */
export function reopenableDatabase(): { readonly db: Database; readonly reopen: () => Database } {
  const file = path.join(tempDir(), 'sahman.db');
  const open = (): Database => {
    const db = openDatabase(file);
    migrate(db, migrations);
    return db;
  };
  const db = open();
  return {
    db,
    reopen: () => {
      db.close();
      return open();
    },
  };
}
