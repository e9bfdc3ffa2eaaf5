-- A closing date chosen in the round form ("2026-12-18") was stored as 23:59:59 in the server's
-- time zone, which is UTC: in the Netherlands that is 00:59:59 or 01:59:59 the next day, so such a
-- round closed one or two hours late and showed the next day as its closing date. Now the form
-- stores 23:59:59 Dutch time; this moves the stored ones there too. Dutch summer time runs from the
-- last Sunday of March to the last Sunday of October, 01:00 UTC.
UPDATE `round` SET `closes_at` = `closes_at` - CASE
	WHEN `closes_at` >= (strftime('%s', date(`closes_at` / 1000, 'unixepoch', 'start of year', '+3 months', '-7 days', 'weekday 0')) + 3600) * 1000
		AND `closes_at` < (strftime('%s', date(`closes_at` / 1000, 'unixepoch', 'start of year', '+10 months', '-7 days', 'weekday 0')) + 3600) * 1000
	THEN 7200000 ELSE 3600000 END
WHERE `closes_at` IS NOT NULL AND `closes_at` % 86400000 = 86399000;
