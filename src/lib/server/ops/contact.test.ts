import { describe, expect, it } from 'vitest';
import { contactEmail } from './contact';

describe('the contact address of the accessibility statement', () => {
	it('is the installation’s CONTACT_EMAIL, trimmed', () => {
		expect(contactEmail(' toegankelijkheid@swv.example ')).toBe('toegankelijkheid@swv.example');
	});

	it('is absent when none is set or the value is no e-mail address', () => {
		expect(contactEmail(undefined)).toBeNull();
		expect(contactEmail('')).toBeNull();
		expect(contactEmail('bel ons')).toBeNull();
	});
});
