import { writeFile } from 'node:fs/promises';
import { dbUrl, loadStackConfig } from '../stack/config';
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from '../stack/typegen';

/**
 * `npm run db:types`: regenerates src/lib/database.types.ts from the local stack's migrated
 * database (start it with `npm run stack`), or from BACKEND_DATABASE_URL.
 */
const url = process.env.BACKEND_DATABASE_URL || dbUrl(loadStackConfig());
generateDatabaseTypes(url)
  .then((types) => writeFile(DATABASE_TYPES_FILE, types))
  .then(() => console.log(`Wrote ${DATABASE_TYPES_FILE}`))
  .catch((error: Error) => {
    console.error(
      `Could not generate types from ${url.replace(/:[^:@/]+@/, ':***@')}: ${error.message}`,
    );
    console.error('Is the local stack running (npm run stack)?');
    process.exit(1);
  });
