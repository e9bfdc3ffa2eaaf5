-- Stored values in English, like the rest of the database: gepland/bezig/klaar become planned/doing/done.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_action_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`theme_id` text NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_action_item`("id", "round_id", "theme_id", "action", "owner", "due_on", "status", "created_at") SELECT "id", "round_id", "theme_id", "action", "owner", "due_on", CASE "status" WHEN 'gepland' THEN 'planned' WHEN 'bezig' THEN 'doing' WHEN 'klaar' THEN 'done' ELSE "status" END, "created_at" FROM `action_item`;--> statement-breakpoint
DROP TABLE `action_item`;--> statement-breakpoint
ALTER TABLE `__new_action_item` RENAME TO `action_item`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `action_item_round_idx` ON `action_item` (`round_id`);