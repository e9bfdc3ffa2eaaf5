import { timingOf, type CatalogItem } from '$lib/domain/catalog';
import { isoDay } from '$lib/domain/format';
import type { Db } from '../db/open';
import type { SwvRow } from '../auth/access';
import { catalogItems, createCatalogItem, newSwvOfferId } from './catalog';

/**
 * An SWV's own offers (arrangementen, its expertise team, its loket, trainings): added and kept
 * by its coordinators, seen only by its own schools (first in their recommendations) and itself.
 */
export function swvOffers(db: Db, swvId: number): CatalogItem[] {
	return catalogItems(db, swvId)
		.filter((i) => i.swv?.id === swvId)
		.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

/** One of the SWV's own offers, or undefined: another SWV's or a general item is not its. */
export function swvOffer(db: Db, swvId: number, id: string): CatalogItem | undefined {
	return swvOffers(db, swvId).find((i) => i.id === id);
}

/** Adds an offer of the SWV's own, with an id made from its title; returns the id. */
export function createSwvOffer(db: Db, actorId: string, s: SwvRow, item: CatalogItem): string {
	const id = newSwvOfferId(db, s.id, item.title);
	createCatalogItem(db, actorId, { ...item, id, swv: { id: s.id, name: s.name } });
	return id;
}

/** The SWV's offers as its page lists them: each with how it is offered today. */
export function swvOfferList(db: Db, swvId: number) {
	const today = isoDay();
	return swvOffers(db, swvId).map((item) => ({ item, timing: timingOf(item, today) }));
}
