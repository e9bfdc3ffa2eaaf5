/**
 * Fixed-window counters kept in memory: the app runs as one process, so this is enough to slow
 * down password guessing. A restart forgets them, which only gives an attacker one fresh window.
 */
export class RateLimit {
	private readonly windows = new Map<string, { count: number; resetAt: number }>();

	constructor(
		private readonly max: number,
		private readonly windowMs: number
	) {}

	/** True when `key` has used up its attempts in the current window. */
	blocked(key: string, now = Date.now()): boolean {
		const w = this.windows.get(key);
		return !!w && w.resetAt > now && w.count >= this.max;
	}

	hit(key: string, now = Date.now()): void {
		const w = this.windows.get(key);
		if (!w || w.resetAt <= now) this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
		else w.count++;
		if (this.windows.size > 10_000) this.prune(now);
	}

	reset(key: string): void {
		this.windows.delete(key);
	}

	private prune(now: number) {
		for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
	}
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Failed sign-ins per account: five, then wait. */
export const accountFailures = new RateLimit(5, FIFTEEN_MINUTES);
/** Sign-in and reset attempts per address. */
export const addressAttempts = new RateLimit(
	Number(process.env.LOGIN_ATTEMPTS_PER_ADDRESS ?? 50),
	FIFTEEN_MINUTES
);
