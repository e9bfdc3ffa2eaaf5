import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	primaryKey,
	index,
	uniqueIndex,
	check,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';

/** Milliseconds since the epoch, set by SQLite so that every writer agrees. */
const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const swv = sqliteTable('swv', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Canonical code, sector + four digits: `PO2701`; shown as `PO 27-01`. */
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	sector: text('sector', { enum: ['po', 'vo'] }).notNull(),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: createdAt()
});

export const school = sqliteTable(
	'school',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		swvId: integer('swv_id')
			.notNull()
			.references(() => swv.id),
		/** BRIN / instellingscode: four characters. */
		instellingscode: text('instellingscode').notNull(),
		/** Vestigingsnummer: two digits after the instellingscode (`00` = hoofdvestiging). */
		vestiging: text('vestiging').notNull().default('00'),
		name: text('name').notNull(),
		place: text('place').notNull(),
		schoolType: text('school_type', { enum: ['po', 'sbo', 'so', 'vso', 'vo'] }).notNull(),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('school_vestiging_unique').on(t.instellingscode, t.vestiging),
		index('school_swv_idx').on(t.swvId)
	]
);

export const user = sqliteTable('user', {
	id: text('id').primaryKey(),
	email: text('email').notNull().unique(),
	name: text('name').notNull(),
	passwordHash: text('password_hash'),
	isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
	active: integer('active', { mode: 'boolean' }).notNull().default(true),
	createdAt: createdAt()
});

export const session = sqliteTable(
	'session',
	{
		/** sha256 of the token in the cookie, hex; the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const membership = sqliteTable(
	'membership',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		scope: text('scope', { enum: ['school', 'swv'] }).notNull(),
		schoolId: integer('school_id').references(() => school.id),
		swvId: integer('swv_id').references(() => swv.id),
		role: text('role', { enum: ['coordinator'] })
			.notNull()
			.default('coordinator'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('membership_school_unique').on(t.userId, t.schoolId),
		uniqueIndex('membership_swv_unique').on(t.userId, t.swvId),
		check(
			'membership_scope_target',
			sql`(${t.scope} = 'school' AND ${t.schoolId} IS NOT NULL AND ${t.swvId} IS NULL) OR (${t.scope} = 'swv' AND ${t.swvId} IS NOT NULL AND ${t.schoolId} IS NULL)`
		)
	]
);

export const invitation = sqliteTable(
	'invitation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull().unique(),
		email: text('email').notNull(),
		scope: text('scope', { enum: ['admin', 'school', 'swv'] }).notNull(),
		schoolId: integer('school_id').references(() => school.id),
		swvId: integer('swv_id').references(() => swv.id),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('invitation_email_idx').on(t.email)]
);

export const passwordReset = sqliteTable('password_reset', {
	tokenHash: text('token_hash').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' })
});

/** One row per questionnaire version that a round has used; its content may never change. */
export const questionnaireVersion = sqliteTable(
	'questionnaire_version',
	{
		questionnaireId: text('questionnaire_id').notNull(),
		version: integer('version').notNull(),
		contentHash: text('content_hash').notNull(),
		firstUsedAt: integer('first_used_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [primaryKey({ columns: [t.questionnaireId, t.version] })]
);

export const round = sqliteTable(
	'round',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		scope: text('scope', { enum: ['school', 'swv'] }).notNull(),
		schoolId: integer('school_id').references(() => school.id),
		swvId: integer('swv_id')
			.notNull()
			.references(() => swv.id),
		questionnaireId: text('questionnaire_id').notNull(),
		questionnaireVersion: integer('questionnaire_version').notNull(),
		title: text('title').notNull(),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }),
		status: text('status', { enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		/** The share link's token: coordinators see the link again, so it is kept, and can be replaced. */
		shareToken: text('share_token').notNull().unique(),
		/** A read-only link to the results for the team, when the coordinator made one. */
		resultsToken: text('results_token').unique(),
		minRespondents: integer('min_respondents').notNull().default(3),
		/** How many people the coordinator says were invited (optional, 1–1000, checked by the form). */
		teamSize: integer('team_size'),
		askGroups: integer('ask_groups', { mode: 'boolean' }).notNull().default(true),
		/** Set when the school releases this round's results to its SWV. */
		releasedAt: integer('released_at', { mode: 'timestamp_ms' }),
		releaseNote: text('release_note'),
		/** Once shared, always true: stopping to share does not undo what the SWV has seen. */
		everReleased: integer('ever_released', { mode: 'boolean' }).notNull().default(false),
		openedBySwv: integer('opened_by_swv', { mode: 'boolean' }).notNull().default(false),
		/**
		 * Set on a companion round (e.g. the parents' questionnaire beside a team round): the team
		 * round it belongs to. It shares that round's lifecycle and goes with it when deleted.
		 */
		companionOfRoundId: integer('companion_of_round_id').references(
			(): AnySQLiteColumn => round.id,
			{
				onDelete: 'cascade'
			}
		),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [
		index('round_school_idx').on(t.schoolId),
		index('round_companion_idx').on(t.companionOfRoundId),
		index('round_swv_idx').on(t.swvId),
		check('round_min_respondents', sql`${t.minRespondents} >= 3`),
		check(
			'round_scope_target',
			sql`(${t.scope} = 'school' AND ${t.schoolId} IS NOT NULL) OR (${t.scope} = 'swv' AND ${t.schoolId} IS NULL)`
		)
	]
);

/**
 * A mail a coordinator asked for about a round: `closing` N days before its closing date,
 * `minimum` once its minimum of sent responses is reached. It belongs to the account that asked;
 * the scheduler (`rounds/reminders.ts`) claims it (`claimedAt`) before it sends, then sets
 * `sentAt`; a claimed row is never sent again.
 */
export const roundReminder = sqliteTable(
	'round_reminder',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['closing', 'minimum'] }).notNull(),
		daysBefore: integer('days_before'),
		claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('round_reminder_unique').on(t.roundId, t.userId, t.kind),
		index('round_reminder_pending_idx').on(t.claimedAt),
		check(
			'round_reminder_days',
			sql`(${t.kind} = 'closing' AND ${t.daysBefore} BETWEEN 1 AND 14) OR (${t.kind} = 'minimum' AND ${t.daysBefore} IS NULL)`
		)
	]
);

export const response = sqliteTable(
	'response',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		/** sha256 of the respondent's cookie token. */
		tokenHash: text('token_hash').notNull().unique(),
		/** sha256 of the short resume code, for continuing on another device. */
		resumeHash: text('resume_hash').notNull().unique(),
		respondentGroup: text('respondent_group'),
		startedAt: integer('started_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		/** Set when the response became part of a shown result: from then on it cannot change. */
		lockedAt: integer('locked_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('response_round_idx').on(t.roundId)]
);

export const answer = sqliteTable(
	'answer',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => response.id, { onDelete: 'cascade' }),
		itemId: text('item_id').notNull(),
		/** A value of the item's scale; the scale says which value means "weet ik niet". */
		value: integer('value').notNull()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.itemId] })]
);

/** The optional open comment a respondent writes at the end of a theme. */
export const themeComment = sqliteTable(
	'theme_comment',
	{
		responseId: integer('response_id')
			.notNull()
			.references(() => response.id, { onDelete: 'cascade' }),
		themeId: text('theme_id').notNull(),
		text: text('text').notNull()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.themeId] })]
);

export const catalogItem = sqliteTable('catalog_item', {
	id: text('id').primaryKey(),
	kind: text('kind').notNull(),
	title: text('title').notNull(),
	organiser: text('organiser').notNull(),
	description: text('description').notNull(),
	url: text('url'),
	themes: text('themes', { mode: 'json' }).$type<string[]>().notNull(),
	audience: text('audience', { mode: 'json' }).$type<string[]>().notNull(),
	levels: text('levels', { mode: 'json' }).$type<string[]>().notNull(),
	dateText: text('date_text'),
	startsOn: text('starts_on'),
	endsOn: text('ends_on'),
	status: text('status', { enum: ['lopend', 'historisch', 'onbekend'] }).notNull(),
	hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
	/** Changed by someone in the app (edited, hidden or shown): the catalogue file no longer updates it. */
	edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
	/** An event's link goes to a recording or report. */
	recording: integer('recording', { mode: 'boolean' }).notNull().default(false),
	contact: text('contact'),
	/** Set for an SWV's own offer: only that SWV's schools see it; it goes with the SWV. */
	swvId: integer('swv_id').references(() => swv.id, { onDelete: 'cascade' }),
	updatedAt: createdAt()
});

export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id'),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>()
	},
	(t) => [index('audit_event_at_idx').on(t.at)]
);

/** A school's action plan after a round: up to three themes, actions with owner, date and progress. */
export const actionItem = sqliteTable(
	'action_item',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		themeId: text('theme_id').notNull(),
		action: text('action').notNull(),
		owner: text('owner').notNull(),
		dueOn: text('due_on'),
		status: text('status', { enum: ['planned', 'doing', 'done'] })
			.notNull()
			.default('planned'),
		createdAt: createdAt()
	},
	(t) => [index('action_item_round_idx').on(t.roundId)]
);

/**
 * The scores of a finished round, kept so that overviews and benchmarks over many schools read
 * one row per round instead of rescoring its answers. A finished round takes no more answers;
 * reopening or extending it removes its snapshot.
 */
export const roundSnapshot = sqliteTable('round_snapshot', {
	roundId: integer('round_id')
		.primaryKey()
		.references(() => round.id, { onDelete: 'cascade' }),
	respondents: integer('respondents').notNull(),
	disclosure: text('disclosure', { enum: ['hidden', 'means', 'full'] }).notNull(),
	/** Theme id → score 0–100 (null: too few answers); empty when hidden. */
	themes: text('themes', { mode: 'json' }).$type<Record<string, number | null>>().notNull(),
	/** Item id → mean 0–100, mean on the item's scale and answers given; empty when hidden. */
	items: text('items', { mode: 'json' })
		.$type<Record<string, { mean: number | null; meanOnScale: number | null; n: number | null }>>()
		.notNull(),
	computedAt: integer('computed_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`)
});

/**
 * What a round's results showed, and of which responses (see `domain/disclosure.ts`): every
 * later result is checked against all of them, so that no difference between two views singles
 * anyone out. Kept as long as the round.
 */
export const roundRelease = sqliteTable(
	'round_release',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => round.id, { onDelete: 'cascade' }),
		/** [response id, respondent group] of every sent response in the result. */
		members: text('members', { mode: 'json' }).$type<[number, string | null][]>().notNull(),
		/** The groups that stood apart and the statements held back (`DisplayMask`). */
		mask: text('mask', { mode: 'json' })
			.$type<{
				groups?: string[] | null;
				items?: Record<string, Record<string, 'full' | 'means' | 'hidden'>>;
				/** The school type (or 'swv') whose statements the release was decided for. */
				context?: 'po' | 'sbo' | 'so' | 'vso' | 'vo' | 'swv';
			}>()
			.notNull(),
		shownAt: integer('shown_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [index('round_release_round_idx').on(t.roundId)]
);

/** The level an SWV's agreed basisondersteuning expects per theme of the school scan. */
export const swvNorm = sqliteTable(
	'swv_norm',
	{
		swvId: integer('swv_id')
			.notNull()
			.references(() => swv.id, { onDelete: 'cascade' }),
		themeId: text('theme_id').notNull(),
		levelId: text('level_id').notNull(),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [primaryKey({ columns: [t.swvId, t.themeId] })]
);
