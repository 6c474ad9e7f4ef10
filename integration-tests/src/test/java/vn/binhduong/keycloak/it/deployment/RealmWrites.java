package vn.binhduong.keycloak.it.deployment;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Every row written to the tables a realm is cached from (the realm, its attributes, its components and their
 * config), recorded by a trigger the test adds to Keycloak's PostgreSQL. Each such write makes every node drop the
 * realm from its cache and read it again, so a steady cluster should make none.
 */
final class RealmWrites {

    private static final List<String> TABLES = List.of("realm", "realm_attribute", "component", "component_config");
    private static final String LOG_TABLE = "bd_test_realm_write";

    private final DataSource database;

    private RealmWrites(DataSource database) {
        this.database = database;
    }

    /** Adds the trigger to Keycloak's tables (they must exist: after the first node has started). */
    static RealmWrites watch(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE " + LOG_TABLE + " (id BIGSERIAL PRIMARY KEY, table_name TEXT, operation TEXT)");
            sql.execute("CREATE FUNCTION " + LOG_TABLE + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO " + LOG_TABLE + " (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP); "
                    + "RETURN NULL; END $$");
            for (String table : TABLES) {
                sql.execute("CREATE TRIGGER " + LOG_TABLE + " AFTER INSERT OR UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION " + LOG_TABLE + "()");
            }
        }
        return new RealmWrites(database);
    }

    /** The id of the latest write so far, to read the writes after it with {@link #since}. */
    long mark() throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet max = sql.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + LOG_TABLE)) {
            max.next();
            return max.getLong(1);
        }
    }

    /** The writes after {@code mark}, oldest first, as "table OPERATION". */
    List<String> since(long mark) throws SQLException {
        List<String> writes = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_name, operation FROM " + LOG_TABLE
                     + " WHERE id > " + mark + " ORDER BY id")) {
            while (rows.next()) {
                writes.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return writes;
    }
}
