import type { Db } from './open';

/**
 * Deleted means unreadable, also in the file: with `secure_delete` SQLite overwrites deleted rows
 * and freed pages with zeros. The WAL still holds the pages as they were before the delete until
 * it is checkpointed and emptied, which `eraseDeleted` does right after deleting personal data.
 */
export function enableSecureDelete(db: Db): void {
	db.$client.pragma('secure_delete = ON');
}

/** Copies the zeroed pages into the database file and truncates the WAL to nothing. */
export function eraseDeleted(db: Db): void {
	db.$client.pragma('wal_checkpoint(TRUNCATE)');
}
