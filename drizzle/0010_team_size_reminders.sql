CREATE TABLE `round_reminder` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`days_before` integer,
	`claimed_at` integer,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "round_reminder_days" CHECK(("round_reminder"."kind" = 'closing' AND "round_reminder"."days_before" BETWEEN 1 AND 14) OR ("round_reminder"."kind" = 'minimum' AND "round_reminder"."days_before" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_reminder_unique` ON `round_reminder` (`round_id`,`user_id`,`kind`);--> statement-breakpoint
CREATE INDEX `round_reminder_pending_idx` ON `round_reminder` (`claimed_at`);--> statement-breakpoint
ALTER TABLE `round` ADD `team_size` integer;