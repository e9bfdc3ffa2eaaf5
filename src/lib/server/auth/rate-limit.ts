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

	/** How often `key` was hit in its current window. */
	count(key: string, now = Date.now()): number {
		const w = this.windows.get(key);
		return w && w.resetAt > now ? w.count : 0;
	}

	/** True when `key` has used up its attempts in the current window. */
	blocked(key: string, now = Date.now()): boolean {
		return this.count(key, now) >= this.max;
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

/** Failures per account (from all addresses) after which every attempt for it is slowed down. */
export const SLOW_AFTER = 10;
const MAX_DELAY_MS = 5_000;

/**
 * Sign-in throttling, chosen against OWASP's Authentication Cheat Sheet (docs/roles.md, "Sign-in"):
 * a lock-out per account lets anyone lock out anyone, the admin included, so the hard stop is per
 * account *and* address (five failures, then that pair waits 15 minutes), and failures from
 * everywhere only slow the account down (from the tenth failure a growing delay up to 5 s before
 * the password is checked). The right password from a fresh address still signs in.
 */
export class SignInThrottle {
	private readonly pairs: RateLimit;
	private readonly accounts: RateLimit;

	constructor(perPair = 5, windowMs = FIFTEEN_MINUTES) {
		this.pairs = new RateLimit(perPair, windowMs);
		this.accounts = new RateLimit(Number.MAX_SAFE_INTEGER, windowMs);
	}

	/** Refused for this account and address, or how long to wait before checking the password. */
	check(email: string, address: string, now = Date.now()): { refused: boolean; delayMs: number } {
		const failures = this.accounts.count(email, now);
		const delayMs =
			failures < SLOW_AFTER ? 0 : Math.min(250 * 2 ** (failures - SLOW_AFTER), MAX_DELAY_MS);
		return { refused: this.pairs.blocked(pairKey(email, address), now), delayMs };
	}

	failed(email: string, address: string, now = Date.now()): void {
		this.pairs.hit(pairKey(email, address), now);
		this.accounts.hit(email, now);
	}

	succeeded(email: string, address: string): void {
		this.pairs.reset(pairKey(email, address));
		this.accounts.reset(email);
	}
}

const pairKey = (email: string, address: string) => `${email}\n${address}`;

export const signInThrottle = new SignInThrottle();
/** Sign-in and reset attempts per address. */
export const addressAttempts = new RateLimit(
	Number(process.env.LOGIN_ATTEMPTS_PER_ADDRESS ?? 50),
	FIFTEEN_MINUTES
);
/** Invitations per sender per hour: a stolen or careless account cannot mail the world. */
export const invitationsPerSender = new RateLimit(30, 60 * 60 * 1000);
