import type { Level } from '../questionnaire/schema';
import type { SchoolType } from '../school-type';

/** The rows of the SWV's schools × themes table: what the overview, its filters and figures share. */

export interface ThemeRef {
	id: string;
	title: string;
}

/** What an SWV may know of a school's latest finished round. */
export type LatestResult =
	| { kind: 'geen' }
	| { kind: 'niet-gedeeld'; roundTitle: string; date: Date; respondents: number }
	| { kind: 'te-weinig'; roundTitle: string; date: Date; respondents: number }
	| {
			kind: 'scores';
			roundId: number;
			roundTitle: string;
			date: Date;
			questionnaireVersion: number;
			respondents: number;
			themes: Readonly<Record<string, number | null>>;
			note: string | null;
	  };

export interface SchoolInput {
	id: number;
	name: string;
	place: string;
	code: string;
	schoolType: SchoolType;
	/** Rounds the school has had, open ones included. */
	rounds: number;
	/** Respondents who handed in, in the school's newest round (open or finished). */
	lastRespondents: number | null;
	/** When the newest round opened. */
	lastRoundAt: Date | null;
	/** A round is open now. */
	open: boolean;
	latest: LatestResult;
}

export interface Cell {
	themeId: string;
	score: number | null;
	level: Level | null;
	/** Whether the level reaches the SWV's norm; null without a norm or a score. */
	meetsNorm: boolean | null;
}

export interface OverviewRow {
	school: SchoolInput;
	/** Null when the school shows no scores; `status` then says why. */
	cells: Cell[] | null;
	status: string | null;
}

export type SortKey = 'naam' | 'type' | 'deelname' | `thema:${string}`;
export interface Sort {
	key: SortKey;
	dir: 'op' | 'af';
}
