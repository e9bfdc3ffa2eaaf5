CREATE TABLE `round_release` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`members` text NOT NULL,
	`mask` text NOT NULL,
	`shown_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `round_release_round_idx` ON `round_release` (`round_id`);--> statement-breakpoint
ALTER TABLE `response` ADD `locked_at` integer;--> statement-breakpoint
-- Results shown before the disclosure model counted everyone with an answer, sent or not. Record
-- each shown result as a release of exactly those responses, so that a later result of the same
-- round is checked against it (a difference of one unsent response would otherwise single it
-- out), and lock them; then score the snapshots again from their releases.
INSERT INTO `round_release` (`round_id`, `members`, `mask`)
SELECT s.`round_id`,
	(SELECT json_group_array(json_array(r.`id`, r.`respondent_group`)) FROM `response` r
		WHERE r.`round_id` = s.`round_id` AND EXISTS (SELECT 1 FROM `answer` a WHERE a.`response_id` = r.`id`)),
	'{}'
FROM `round_snapshot` s WHERE s.`disclosure` != 'hidden';
--> statement-breakpoint
UPDATE `response` SET `locked_at` = (unixepoch('subsec') * 1000)
WHERE `id` IN (SELECT json_extract(m.`value`, '$[0]') FROM `round_release` rr, json_each(rr.`members`) m);
--> statement-breakpoint
DELETE FROM `round_snapshot`;
