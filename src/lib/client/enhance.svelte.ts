/**
 * `use:enhance` for the app's forms, the same for every form: the page does not reload, the
 * scroll position stays where it was, and focus moves to the form's message (a FormMessage,
 * `role="status"` or `role="alert"`) or, without one, to the first field with an error.
 *
 * Which form was sent decides where its message shows: a FormMessage with `at` shows only for
 * those actions. Without JavaScript the browser posts to `?/action`, so the page's URL says it;
 * with JavaScript the URL stays and `keepPlace` remembers it here.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { goto } from '$app/navigation';
import { tick } from 'svelte';

const sent = $state<{ action: string | null }>({ action: null });

/** The action of a form URL: `?/toevoegen` → `toevoegen`; none → `default`. */
export function actionName(url: URL): string {
	const key = [...url.searchParams.keys()].find((k) => k.startsWith('/'));
	return key ? key.slice(1) : 'default';
}

/** The action last sent from this page: remembered after an enhanced submit, else the URL's. */
export function sentAction(url: URL): string | null {
	return (
		sent.action ??
		([...url.searchParams.keys()].some((k) => k.startsWith('/')) ? actionName(url) : null)
	);
}

function visible(el: Element): boolean {
	const r = el.getBoundingClientRect();
	return r.bottom > 0 && r.top < window.innerHeight;
}

/**
 * Focus the message nearest to where the form was (the form itself may be gone) without moving
 * the page. When the message is out of view because content above grew (a first action makes
 * its table), the page follows the form so it stays where it was on the screen. A message still
 * out of view gives way to what is in view: the form's first field with an error, else the
 * button that was pressed (a row's "Verbergen" that now reads "Tonen"); only when neither is
 * left does the page scroll to the message.
 */
function focusAnswer(
	places: Element[],
	form: HTMLFormElement,
	formTop: number,
	submitter: HTMLElement | null
) {
	const message = places
		.filter((p) => p.isConnected)
		.map((p) => p.querySelector<HTMLElement>('[data-form-message]'))
		.find((m) => m !== null);
	if (message && !visible(message) && form.isConnected) {
		const moved = form.getBoundingClientRect().top - formTop;
		if (Math.abs(moved) > 1) window.scrollBy(0, moved);
	}
	const near = form.isConnected
		? (form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
			(submitter?.isConnected ? submitter : null))
		: null;
	const target = message && (visible(message) || !near) ? message : near;
	if (!target) return;
	target.focus({ preventScroll: true });
	if (!visible(target)) target.scrollIntoView({ block: 'nearest' });
}

/**
 * The SubmitFunction for `use:enhance={keepPlace()}`. `reset: false` keeps what was typed after a
 * successful send (default: the form shows what the page now holds, as after a reload).
 */
export function keepPlace({ reset = true }: { reset?: boolean } = {}): SubmitFunction {
	return ({ formElement, action, submitter }) => {
		const places: Element[] = [];
		for (let e: Element | null = formElement; e; e = e.parentElement) places.push(e);
		const from = window.location.pathname;
		const formTop = formElement.getBoundingClientRect().top;
		return async ({ result, update }) => {
			sent.action = actionName(action);
			if (result.type === 'redirect') {
				// Another page starts at its top; the same page (a `?opgeslagen` notice) stays put.
				const same = result.location.replace(/[?#].*$/, '') === from;
				if (reset) formElement.reset();
				await goto(result.location, { invalidateAll: true, noScroll: same, keepFocus: same });
				await tick();
				focusAnswer(same ? places : [document.body], formElement, formTop, null);
				return;
			}
			await update({ reset });
			if (result.type === 'error') return;
			await tick();
			focusAnswer(places, formElement, formTop, submitter as HTMLElement | null);
		};
	};
}
