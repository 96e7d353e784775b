/**
 * The stores' SQL, one class per store interface, written in the SQL that SQLite and PostgreSQL both run
 * (flags are 0/1 integers in both schemas, {@code RETURNING}, {@code ON CONFLICT}, {@code LIMIT}), so a
 * statement is written once for both engines. An engine's own SQL (its pragmas, locks, migrations)
 * lives in its package. Every class is stateless and thread-safe.
 */
package dev.flexconf.server.store.sql;
