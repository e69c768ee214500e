package io.factum.store.jdbc;

import javax.sql.DataSource;

/** What every part of a JDBC store works on: where its connections come from, their SQL, its tables. */
record Database(DataSource dataSource, JdbcDialect dialect, TableNames tables) {}
