CREATE TABLE `action_item` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`theme_id` text NOT NULL,
	`action` text NOT NULL,
	`owner` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'gepland' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_item_round_idx` ON `action_item` (`round_id`);