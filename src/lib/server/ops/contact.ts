import { z } from 'zod';

const email = z.email();

/**
 * The address where users report problems (accessibility statement): the installation's, from
 * `CONTACT_EMAIL`. Without one, or with one that is no e-mail address, the page says so and
 * points to the coordinator instead of showing an address nobody reads.
 */
export function contactEmail(value = process.env.CONTACT_EMAIL): string | null {
	const parsed = email.safeParse(value?.trim());
	return parsed.success ? parsed.data : null;
}
