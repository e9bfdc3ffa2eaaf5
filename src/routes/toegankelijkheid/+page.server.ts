import { contactEmail } from '$lib/server/ops/contact';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ contact: contactEmail() });
