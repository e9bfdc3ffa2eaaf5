import { tick } from 'svelte';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance={focusAfter('melding-x')}`: the form is sent without a full reload (without
 * JavaScript it is an ordinary post), the page's data is reloaded, the typed values stay, and
 * focus moves to the element with that id (the message that says what happened), so a keyboard
 * or screen-reader user hears the outcome and stays where they were.
 */
export function focusAfter(id: string): SubmitFunction {
	return () =>
		async ({ update }) => {
			await update({ reset: false });
			await tick();
			document.getElementById(id)?.focus();
		};
}
