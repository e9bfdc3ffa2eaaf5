ALTER TABLE `round` ADD `companion_of_round_id` integer REFERENCES round(id) ON DELETE CASCADE;--> statement-breakpoint
CREATE INDEX `round_companion_idx` ON `round` (`companion_of_round_id`);