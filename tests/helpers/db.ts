import { join } from 'node:path';
import type { SessionUser } from '$lib/server/auth/session';
import { migrateDatabase, openDatabase } from '$lib/server/db/open';
import * as t from '$lib/server/db/schema';
import { tempDir } from './tmp';

/** A migrated SQLite file with one PO SWV, and functions that add schools and people to it. */
export function dbWithSwv() {
	const db = openDatabase(join(tempDir(), 'scan.db'));
	migrateDatabase(db);
	const swv = db
		.insert(t.swv)
		.values({ code: 'PO2701', name: 'SWV', sector: 'po' })
		.returning()
		.get();
	const school = (code: string) =>
		db
			.insert(t.school)
			.values({
				swvId: swv.id,
				instellingscode: code,
				name: `School ${code}`,
				place: 'P',
				schoolType: 'po'
			})
			.returning()
			.get();
	/** An account with roles at schools or SWVs, as the signed-in user the server modules take. */
	const person = (email: string, roles: { swvId?: number; schoolId?: number }[] = []) => {
		const u = db
			.insert(t.user)
			.values({ id: crypto.randomUUID(), email, name: email.split('@')[0]!, passwordHash: 'x' })
			.returning()
			.get();
		for (const r of roles)
			db.insert(t.membership)
				.values({ userId: u.id, scope: r.swvId ? 'swv' : 'school', ...r })
				.run();
		const me: SessionUser = { id: u.id, email, name: u.name, isAdmin: false };
		return me;
	};
	return { db, swv, school, person };
}
