import type { ColumnType } from 'kysely';

/**
 * A column written on insert and never updated. Used for every column of the append-only tables
 * (revisions, audit log, framework edits) so an UPDATE does not even type-check; the database
 * refuses it as well (see the append-only migration).
 */
export type Fixed<T> = ColumnType<T, T, never>;

/** A column filled by the database (identity / rowid) and never written by the application. */
export type DatabaseGenerated<T> = ColumnType<T, never, never>;

/** Booleans are stored as INTEGER 0/1 on both dialects (SQLite has no boolean type). */
export type Flag = 0 | 1;

/** Timestamps are ISO 8601 UTC strings with milliseconds on both dialects (see ADR 0002). */
export type Timestamp = string;

/** A JSON document stored as TEXT on both dialects. */
export type JsonText = string;
