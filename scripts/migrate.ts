/** `npm run db:migrate`: applies the committed migrations in drizzle/ to DATABASE_URL. */
import { databaseFile, migrateDatabase, openDatabase } from '../src/lib/server/db/open';

const file = databaseFile();
const db = openDatabase(file);
migrateDatabase(db);
db.$client.close();
console.log(`Database ${file} is bijgewerkt.`);
