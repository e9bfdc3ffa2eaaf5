ALTER TABLE `round` ADD `ever_released` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `round` SET `ever_released` = true WHERE `released_at` IS NOT NULL;
