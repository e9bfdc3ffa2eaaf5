CREATE TABLE `round_snapshot` (
	`round_id` integer PRIMARY KEY NOT NULL,
	`respondents` integer NOT NULL,
	`disclosure` text NOT NULL,
	`themes` text NOT NULL,
	`items` text NOT NULL,
	`computed_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `swv_norm` (
	`swv_id` integer NOT NULL,
	`theme_id` text NOT NULL,
	`level_id` text NOT NULL,
	`updated_by` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`swv_id`, `theme_id`),
	FOREIGN KEY (`swv_id`) REFERENCES `swv`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
