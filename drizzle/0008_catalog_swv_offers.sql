ALTER TABLE `catalog_item` ADD `recording` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `catalog_item` ADD `contact` text;--> statement-breakpoint
ALTER TABLE `catalog_item` ADD `swv_id` integer REFERENCES swv(id) ON DELETE cascade;