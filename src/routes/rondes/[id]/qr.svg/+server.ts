import QRCode from 'qrcode';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { error } from '@sveltejs/kit';
import { roundFor } from '$lib/server/rounds/rounds';
import { companionShareToken } from '$lib/server/rounds/companion';
import type { RequestHandler } from './$types';

/** The round's share link as a QR code, for the printable invitation and the projector. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const db = getDb();
	const r = roundFor(db, me, Number(params.id));
	// `?vragenlijst=<id>`: the link of the round's companion on that questionnaire (parents).
	const companion = url.searchParams.get('vragenlijst');
	const token = companion ? companionShareToken(db, r, companion) : r.shareToken;
	if (!token) error(404, 'Deze ronde heeft geen vragenlijst met die naam.');
	const svg = await QRCode.toString(`${url.origin}/s/${token}`, {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M'
	});
	return new Response(svg, {
		headers: { 'content-type': 'image/svg+xml', 'cache-control': 'private, no-store' }
	});
};
