import { retentionSettings } from '$lib/server/ops/retention';
import type { PageServerLoad } from './$types';

/** The retention this installation is configured with (defaults: 30 days, 5 years). */
export const load: PageServerLoad = () => ({ retention: retentionSettings() });
