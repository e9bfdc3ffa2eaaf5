ALTER TABLE `round` ADD `results_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `round_results_token_unique` ON `round` (`results_token`);