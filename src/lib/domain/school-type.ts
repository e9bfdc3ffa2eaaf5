/** The school types of Dutch education that a questionnaire item can apply to. */
export const SCHOOL_TYPES = ['po', 'sbo', 'so', 'vso', 'vo'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

export const SCHOOL_TYPE_LABELS: Record<SchoolType, string> = {
	po: 'basisonderwijs',
	sbo: 'speciaal basisonderwijs',
	so: 'speciaal onderwijs',
	vso: 'voortgezet speciaal onderwijs',
	vo: 'voortgezet onderwijs'
};

export function isSchoolType(value: string): value is SchoolType {
	return (SCHOOL_TYPES as readonly string[]).includes(value);
}

/**
 * Who a round is for: a school of one type, or the samenwerkingsverband itself
 * (the `swv-scan`, whose items have no school types).
 */
export type ScanContext = SchoolType | 'swv';
