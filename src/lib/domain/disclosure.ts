import type { Answers } from './questionnaire/model';
import type { Questionnaire } from './questionnaire/schema';
import { themesFor, scaleFor, scaleScoring } from './questionnaire/model';
import type { ScanContext } from './school-type';
import {
	countedAnswers,
	distributionMinimum,
	effectiveMinimum,
	itemStage,
	naturalGroups,
	OTHER_GROUP,
	tallyRespondents,
	type DisplayMask,
	type ItemShown
} from './scoring';

/**
 * The disclosure model: what anyone may learn from a round's results, over every view and over
 * time. One rule, applied to everything that shows figures (results page, team link,
 * conversation view, PDF, snapshots, SWV pages, exports, page data):
 *
 * 1. Only sent responses count.
 * 2. An open round shows participation only; results appear once it is closed.
 * 3. A result is a *release*: a set of sent responses and the parts shown of it (the whole, the
 *    groups that stand apart, "overig"), with per part the statements shown. Releases are
 *    recorded and never forgotten.
 * 4. Every set of responses that can be cut out by combining shown parts (adding and
 *    subtracting them: the cells of their Venn diagram) must be empty or hold at least the
 *    round's minimum of sent responses; per statement its scored answers in every cell must be
 *    none or at least the minimum, and where a distribution shows, a cell with answers must hold
 *    as many responses as one view needs for a distribution (5, or the minimum if higher). That is
 *    the rule of one view applied to every difference between views: nothing can be worked out
 *    about fewer people than one view would show, whatever is set beside what.
 * 5. A new set of responses that would break rule 4 is not released: every output keeps the
 *    previous release and says from how many new responses the update appears (the minimum, or
 *    5 once distributions were shown). Where only a group or a statement breaks it, that group
 *    structure or statement is held back instead.
 *
 * A sent response that is part of a release cannot change any more (the respondent pages say
 * so), so a release can always be shown again from the answers as they are.
 */

export interface SentResponse {
	id: number;
	group: string | null;
	answers: Answers;
}

/** What was shown: the responses (id and group) and what the mask held back. */
export interface ReleaseRecord {
	members: readonly (readonly [number, string | null])[];
	mask: DisplayMask;
}

export type DisclosureDecision =
	/** The round is open: participation only. */
	| { kind: 'open' }
	/** Never shown, and fewer sent responses than the minimum. */
	| { kind: 'too-few'; respondents: number; needed: number }
	/** Show this new release (record it first). */
	| { kind: 'new'; release: ReleaseRecord }
	/** Show the latest release again; `newSince` sent responses wait for `needed` more. */
	| { kind: 'latest'; newSince: number; needed: number };

interface Part {
	key: string;
	ids: number[];
}

interface ShownPart extends Part {
	items: Map<string, ItemShown>;
}

/** The parts a release shows, as `scoreRound` forms them: the whole, groups, "overig". */
function partsOf(
	members: readonly (readonly [number, string | null])[],
	groups: readonly string[] | null | undefined,
	min: number
): Part[] {
	const whole: Part = { key: '', ids: members.map(([id]) => id) };
	if (whole.ids.length < min || !groups?.length) return [whole];
	const byGroup = new Map<string, number[]>();
	for (const [id, g] of members) {
		const ids = byGroup.get(g ?? '');
		if (ids) ids.push(id);
		else byGroup.set(g ?? '', [id]);
	}
	const standing = groups.filter((g) => (byGroup.get(g)?.length ?? 0) >= min);
	if (!standing.length) return [whole];
	const rest = members.filter(([, g]) => !standing.includes(g ?? '')).map(([id]) => id);
	return [
		whole,
		...standing.map((g) => ({ key: g, ids: byGroup.get(g)! })),
		...(rest.length ? [{ key: OTHER_GROUP, ids: rest }] : [])
	];
}

/**
 * The cells of a family of sets (responses grouped by which sets hold them): true when every
 * cell holds at least `min`, and `cellOk` (if given) accepts it.
 */
export function cellsHold(
	sets: readonly (readonly number[])[],
	min: number,
	cellOk: (cell: number[]) => boolean = () => true
): boolean {
	const signature = new Map<number, string>();
	sets.forEach((set, i) => {
		for (const id of set) signature.set(id, `${signature.get(id) ?? ''}${i},`);
	});
	const cells = new Map<string, number[]>();
	for (const [id, sig] of signature) {
		const cell = cells.get(sig);
		if (cell) cell.push(id);
		else cells.set(sig, [id]);
	}
	for (const cell of cells.values()) if (cell.length < min || !cellOk(cell)) return false;
	return true;
}

/** Per response, which statements it answered and which of those score. */
interface AnswerIndex {
	answered: Map<string, Set<number>>;
	scored: Map<string, Set<number>>;
}

function indexAnswers(
	q: Questionnaire,
	context: ScanContext,
	responses: readonly SentResponse[]
): AnswerIndex {
	const scoredValue = new Map(
		themesFor(q, context).flatMap(({ items }) =>
			items.map((i) => [i.id, scaleScoring(scaleFor(q, i)).points] as const)
		)
	);
	const answered = new Map<string, Set<number>>();
	const scored = new Map<string, Set<number>>();
	for (const r of responses)
		for (const [itemId, value] of countedAnswers(q, context, r.answers)) {
			let a = answered.get(itemId);
			if (!a) answered.set(itemId, (a = new Set()));
			a.add(r.id);
			if (scoredValue.get(itemId)?.has(value)) {
				let s = scored.get(itemId);
				if (!s) scored.set(itemId, (s = new Set()));
				s.add(r.id);
			}
		}
	return { answered, scored };
}

const STAGES: ItemShown[] = ['full', 'means', 'hidden'];

/**
 * Whether showing statement `itemId` as the parts say keeps every cell as safe as one view.
 * The cells of the parts that show its mean must hold no scored answers or at least the minimum;
 * the cells of the parts that show its distribution must, where they hold answers to it, also
 * hold at least as many responses as a view needs for a distribution, and the minimum of scored
 * answers. (The cells of sets restricted to a statement's answers are the cells of the whole sets
 * restricted: so the whole sets are used.)
 */
function itemCellsHold(
	parts: readonly ShownPart[],
	itemId: string,
	idx: AnswerIndex,
	min: number,
	distributionMin: number
) {
	const answered = idx.answered.get(itemId) ?? new Set<number>();
	const scored = idx.scored.get(itemId) ?? new Set<number>();
	const count = (cell: number[], set: Set<number>) => cell.filter((id) => set.has(id)).length;
	const shown = parts.filter((p) => (p.items.get(itemId) ?? 'hidden') !== 'hidden');
	const meansHold = cellsHold(
		shown.map((p) => p.ids),
		1,
		(cell) => {
			const s = count(cell, scored);
			return s === 0 || s >= min;
		}
	);
	if (!meansHold) return false;
	return cellsHold(
		shown.filter((p) => p.items.get(itemId) === 'full').map((p) => p.ids),
		1,
		(cell) =>
			count(cell, answered) === 0 || (cell.length >= distributionMin && count(cell, scored) >= min)
	);
}

/** How many of these responses scored on a statement. */
function scoredIn(ids: readonly number[], itemId: string, idx: AnswerIndex): number {
	const scored = idx.scored.get(itemId);
	if (!scored) return 0;
	let n = 0;
	for (const id of ids) if (scored.has(id)) n++;
	return n;
}

/** What each part of a release shows per statement, given what its mask holds back. */
function shownParts(
	itemIds: readonly string[],
	release: ReleaseRecord,
	idx: AnswerIndex,
	min: number
): ShownPart[] {
	return partsOf(release.members, release.mask.groups, min).map((p) => {
		const limits = release.mask.items?.[p.key] ?? {};
		const items = new Map<string, ItemShown>();
		for (const itemId of itemIds) {
			const stage = itemStage(p.ids.length, scoredIn(p.ids, itemId, idx), min);
			const limit = limits[itemId];
			items.set(itemId, limit && STAGES.indexOf(limit) > STAGES.indexOf(stage) ? limit : stage);
		}
		return { ...p, items };
	});
}

/**
 * Decides what a round shows now: nothing while open; the first release once at least the
 * minimum of sent responses are in; afterwards a new release only where rule 4 holds for it
 * together with every earlier release, else the latest release again.
 */
export function decideDisclosure(
	q: Questionnaire,
	context: ScanContext,
	minRespondents: number,
	open: boolean,
	sent: readonly SentResponse[],
	earlier: readonly ReleaseRecord[],
	/** Unsent responses that an earlier release showed (recorded before only sent ones counted). */
	shownUnsent: readonly SentResponse[] = []
): DisclosureDecision {
	if (open) return { kind: 'open' };
	const min = effectiveMinimum(minRespondents);
	const latest = earlier.at(-1);
	const latestIds = new Set(latest?.members.map(([id]) => id) ?? []);
	const newSince = sent.filter((r) => !latestIds.has(r.id)).length;
	if (!latest && sent.length < min)
		return { kind: 'too-few', respondents: sent.length, needed: min - sent.length };
	if (latest && newSince === 0) return { kind: 'latest', newSince: 0, needed: 0 };
	// Once distributions were shown, an update waits for as many new responses as a view needs
	// for distributions: fewer would show the newcomers' distribution by subtraction.
	const fullMin = distributionMinimum(min);
	const step = latest && latest.members.length >= fullMin ? fullMin : min;
	if (latest && newSince < step) return { kind: 'latest', newSince, needed: step - newSince };

	const idx = indexAnswers(q, context, [...sent, ...shownUnsent]);
	const itemIds = themesFor(q, context).flatMap(({ items }) => items.map((i) => i.id));
	const before = earlier.flatMap((rel) => shownParts(itemIds, rel, idx, min));
	const members = sent.map((r) => [r.id, r.group] as const);
	const natural = naturalGroups(q, tallyRespondents(q, context, sent), min);
	const structures: (readonly string[] | null)[] = [natural];
	if (latest?.mask.groups !== undefined) structures.push(latest.mask.groups);
	structures.push(null);

	for (const groups of structures) {
		const parts = partsOf(members, groups, min);
		if (
			!cellsHold(
				[...before, ...parts].map((p) => p.ids),
				min
			)
		)
			continue;
		// Statement by statement, part by part (the whole first): show as much as the cells allow.
		const decided: ShownPart[] = parts.map((p) => ({ ...p, items: new Map() }));
		const mask: Record<string, Record<string, ItemShown>> = {};
		const all = [...before, ...decided];
		for (const itemId of itemIds)
			for (const part of decided) {
				const stage = itemStage(part.ids.length, scoredIn(part.ids, itemId, idx), min);
				for (const option of STAGES.slice(STAGES.indexOf(stage))) {
					part.items.set(itemId, option);
					if (option === 'hidden' || itemCellsHold(all, itemId, idx, min, fullMin)) break;
				}
				const chosen = part.items.get(itemId)!;
				if (chosen !== stage) (mask[part.key] ??= {})[itemId] = chosen;
			}
		return { kind: 'new', release: { members, mask: { groups, items: mask } } };
	}
	return { kind: 'latest', newSince, needed: Math.max(1, step - newSince) };
}

/**
 * What a round page shows of participation while answers come in: sent in total, begun but not
 * sent as one total (so the coordinator can remind the team), and sent per function folded as
 * the results fold groups (`naturalGroups`): a function stands apart only with at least the
 * minimum, and only when the others together reach it too. Never "begun" per function.
 */
export function participation(
	q: Questionnaire,
	counts: {
		started: number;
		submitted: number;
		groups: { group: string | null; submitted: number }[];
	},
	minRespondents: number
) {
	const tallies = counts.groups.map((g) => ({
		group: g.group ?? '',
		respondents: g.submitted,
		items: {}
	}));
	const standing = naturalGroups(q, tallies, minRespondents) ?? [];
	const labels = new Map((q.respondentGroups ?? []).map((g) => [g.id, g.label]));
	// In the order the results show groups: largest first.
	const named = standing.flatMap((id) => counts.groups.filter((g) => g.group === id));
	const rest = counts.submitted - named.reduce((n, g) => n + g.submitted, 0);
	return {
		submitted: counts.submitted,
		unsent: counts.started - counts.submitted,
		groups: named.length
			? [
					...named.map((g) => ({
						label: labels.get(g.group!) ?? g.group!,
						submitted: g.submitted
					})),
					...(rest > 0 ? [{ label: 'Overige functies samen', submitted: rest }] : [])
				]
			: []
	};
}
