/**
 * The embedded SQLite store: the SQLite dialect and the data source it needs. The SQLite driver is an
 * optional dependency of factum-runtime; only {@code SqliteDataSources} and the dialect name its API.
 * Uses {@code io.factum.store.jdbc} and {@code io.factum.store}.
 */
package io.factum.store.sqlite;
