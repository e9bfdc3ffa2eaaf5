import QRCode from 'qrcode';
import { getDb } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/access';
import { roundFor } from '$lib/server/rounds/rounds';
import type { RequestHandler } from './$types';

/** The round's share link as a QR code, for the printable invitation and the projector. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	const me = requireUser(locals, url);
	const r = roundFor(getDb(), me, Number(params.id));
	const svg = await QRCode.toString(`${url.origin}/s/${r.shareToken}`, {
		type: 'svg',
		margin: 2,
		errorCorrectionLevel: 'M'
	});
	return new Response(svg, {
		headers: { 'content-type': 'image/svg+xml', 'cache-control': 'private, no-store' }
	});
};
