CREATE TABLE `answer` (
	`response_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`response_id`, `item_id`),
	FOREIGN KEY (`response_id`) REFERENCES `response`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text,
	`detail` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `audit_event_at_idx` ON `audit_event` (`at`);--> statement-breakpoint
CREATE TABLE `catalog_item` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`organiser` text NOT NULL,
	`description` text NOT NULL,
	`url` text,
	`themes` text NOT NULL,
	`audience` text NOT NULL,
	`levels` text NOT NULL,
	`date_text` text,
	`starts_on` text,
	`ends_on` text,
	`status` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invitation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`scope` text NOT NULL,
	`school_id` integer,
	`swv_id` integer,
	`invited_by` text,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`swv_id`) REFERENCES `swv`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`invited_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitation_token_hash_unique` ON `invitation` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitation_email_idx` ON `invitation` (`email`);--> statement-breakpoint
CREATE TABLE `membership` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`scope` text NOT NULL,
	`school_id` integer,
	`swv_id` integer,
	`role` text DEFAULT 'coordinator' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`swv_id`) REFERENCES `swv`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "membership_scope_target" CHECK(("membership"."scope" = 'school' AND "membership"."school_id" IS NOT NULL AND "membership"."swv_id" IS NULL) OR ("membership"."scope" = 'swv' AND "membership"."swv_id" IS NOT NULL AND "membership"."school_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `membership_school_unique` ON `membership` (`user_id`,`school_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `membership_swv_unique` ON `membership` (`user_id`,`swv_id`);--> statement-breakpoint
CREATE TABLE `password_reset` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `questionnaire_version` (
	`questionnaire_id` text NOT NULL,
	`version` integer NOT NULL,
	`content_hash` text NOT NULL,
	`first_used_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`questionnaire_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `response` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`resume_hash` text NOT NULL,
	`respondent_group` text,
	`started_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	`submitted_at` integer,
	FOREIGN KEY (`round_id`) REFERENCES `round`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `response_token_hash_unique` ON `response` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `response_resume_hash_unique` ON `response` (`resume_hash`);--> statement-breakpoint
CREATE INDEX `response_round_idx` ON `response` (`round_id`);--> statement-breakpoint
CREATE TABLE `round` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope` text NOT NULL,
	`school_id` integer,
	`swv_id` integer NOT NULL,
	`questionnaire_id` text NOT NULL,
	`questionnaire_version` integer NOT NULL,
	`title` text NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_at` integer,
	`share_token` text NOT NULL,
	`min_respondents` integer DEFAULT 3 NOT NULL,
	`ask_groups` integer DEFAULT true NOT NULL,
	`released_at` integer,
	`release_note` text,
	`opened_by_swv` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`school_id`) REFERENCES `school`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`swv_id`) REFERENCES `swv`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "round_min_respondents" CHECK("round"."min_respondents" >= 3),
	CONSTRAINT "round_scope_target" CHECK(("round"."scope" = 'school' AND "round"."school_id" IS NOT NULL) OR ("round"."scope" = 'swv' AND "round"."school_id" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_share_token_unique` ON `round` (`share_token`);--> statement-breakpoint
CREATE INDEX `round_school_idx` ON `round` (`school_id`);--> statement-breakpoint
CREATE INDEX `round_swv_idx` ON `round` (`swv_id`);--> statement-breakpoint
CREATE TABLE `school` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`swv_id` integer NOT NULL,
	`instellingscode` text NOT NULL,
	`vestiging` text DEFAULT '00' NOT NULL,
	`name` text NOT NULL,
	`place` text NOT NULL,
	`school_type` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`swv_id`) REFERENCES `swv`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_vestiging_unique` ON `school` (`instellingscode`,`vestiging`);--> statement-breakpoint
CREATE INDEX `school_swv_idx` ON `school` (`swv_id`);--> statement-breakpoint
CREATE TABLE `session` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_user_idx` ON `session` (`user_id`);--> statement-breakpoint
CREATE TABLE `swv` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `swv_code_unique` ON `swv` (`code`);--> statement-breakpoint
CREATE TABLE `theme_comment` (
	`response_id` integer NOT NULL,
	`theme_id` text NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`response_id`, `theme_id`),
	FOREIGN KEY (`response_id`) REFERENCES `response`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text,
	`is_admin` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);