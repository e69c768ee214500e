package io.factum.personal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Counting and dropping key tables in tests. */
final class JdbcKeyTables {

    private JdbcKeyTables() {}

    static int rows(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void drop(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
