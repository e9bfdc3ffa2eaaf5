import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/open';
import * as t from '$lib/server/db/schema';
import { loadQuestionnaires } from '$lib/server/questionnaires/registry';
import { saveAnswer } from '$lib/server/respondent/answers';
import { databaseWithOpenRound } from '../helpers/open-round';
import { tempDir } from '../helpers/tmp';

/**
 * A save checks, inside its own write, that the round still takes answers: a coordinator may
 * close the round (and its results be fixed in a snapshot) while the save is on its way.
 */
describe('saving an answer', () => {
	it('is refused, and stores nothing, when the round closed after the request began', async () => {
		const file = join(tempDir(), 'scan.db');
		const { items } = databaseWithOpenRound(file);
		const db = openDatabase(file);
		const round = db.select().from(t.round).get()!;
		const school = db.select().from(t.school).get()!;
		const response = db
			.insert(t.response)
			.values({ roundId: round.id, tokenHash: 'th', resumeHash: 'rh' })
			.returning()
			.get();
		const session = {
			db,
			round,
			school,
			unitName: school.name,
			q: loadQuestionnaires('questionnaires').get('school-scan', 1)!,
			context: 'po' as const,
			open: true,
			response
		};

		expect(await saveAnswer(session, response.id, items[0]!, 3)).toMatchObject({ ok: true });
		// The coordinator closes the round; this request still holds the session it began with.
		db.update(t.round).set({ status: 'closed', closedAt: new Date() }).run();
		const late = await saveAnswer(session, response.id, items[1]!, 4);
		expect(late).toEqual({
			ok: false,
			message: 'Deze ronde is inmiddels gesloten; uw antwoord is niet meer opgeslagen.'
		});
		expect(
			db
				.select()
				.from(t.answer)
				.all()
				.map((a) => a.itemId)
		).toEqual([items[0]]);
	});
});
