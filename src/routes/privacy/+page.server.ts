import { getQuestionnaires } from '$lib/server/app';
import { companionPrivacyTexts } from '$lib/server/rounds/companion';
import { retentionSettings } from '$lib/server/ops/retention';
import type { PageServerLoad } from './$types';

/**
 * The retention this installation is configured with (defaults: 30 days, 5 years), and the
 * privacy text of each companion questionnaire (parents) from its file.
 */
export const load: PageServerLoad = () => ({
	retention: retentionSettings(),
	companions: companionPrivacyTexts(getQuestionnaires())
});
