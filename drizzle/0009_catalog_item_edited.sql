-- Whether someone changed a catalogue item in the app.
ALTER TABLE `catalog_item` ADD `edited` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Items an admin already created, edited, hid or showed (the audit log says so) stay theirs; the
-- others follow the catalogue file from now on, so its corrections reach existing databases.
UPDATE `catalog_item` SET `edited` = 1 WHERE `swv_id` IS NOT NULL OR `id` IN (
	SELECT `target_id` FROM `audit_event` WHERE `target_type` = 'catalogus'
		AND `action` IN ('catalogus.aangemaakt', 'catalogus.gewijzigd', 'catalogus.verborgen', 'catalogus.zichtbaar')
);
