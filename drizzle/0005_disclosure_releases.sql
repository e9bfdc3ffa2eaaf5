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
-- Snapshots made before the disclosure model counted unsent responses: score them again.
DELETE FROM `round_snapshot`;
