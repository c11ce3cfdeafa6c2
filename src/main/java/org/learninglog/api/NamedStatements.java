package org.learninglog.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hot reads run as plain JDBC statements on a pooled connection, in auto-commit (or in the caller's transaction, which
 * the pool enlists the connection in), without a JTA transaction or a Hibernate session (decisions 113, 127): their
 * SQL keeps the named parameters it shares with {@link Keyset} (`:me`, `:after0`), turned into JDBC's `?` here.
 */
public final class NamedStatements {

    private NamedStatements() {
    }

    /** The statement prepared on the connection, each named parameter bound to its value (null for a missing one). */
    public static PreparedStatement prepare(Connection connection, String sql, Map<String, Object> parameters)
            throws SQLException {
        List<String> names = new ArrayList<>();
        PreparedStatement statement = connection.prepareStatement(positional(sql, names));
        try {
            for (int i = 0; i < names.size(); i++) {
                bind(statement, i + 1, parameters.get(names.get(i)));
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    /**
     * The statement with its named parameters (`:words`, Keyset's `:after0`) as JDBC's `?`, their names in order into
     * `names`. Quoted text and casts (`::`) are left alone.
     */
    static String positional(String sql, List<String> names) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < sql.length()) {
                    if (sql.charAt(end) == '\'') {
                        if (end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                out.append(sql, i, Math.min(end + 1, sql.length()));
                i = end + 1;
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else {
            statement.setObject(index, value);
        }
    }
}
