package org.learninglog.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.Query;

/**
 * The one way a list pages: its sort keys, and the cursor holding the keys of the last item of the page before.
 * From them it builds the predicate that starts the next page, the ordering, the query parameters and the next
 * cursor. Works for JPQL and native SQL alike (named parameters `after0`, `after1`, …).
 *
 * <pre>{@code
 * Keyset keyset = Keyset.of(cursor, limit, Keyset.Key.ignoringCase("t.name"), Keyset.Key.uuid("t.id"));
 * var query = em.createQuery("select t ... where t.active" + keyset.and() + " order by " + keyset.orderBy(), T.class);
 * keyset.bind(query).setMaxResults(keyset.fetchSize());
 * Page<T> page = keyset.page(query.getResultList(), t -> List.of(t.name, t.id));
 * }</pre>
 *
 * Every comparison is the database's own: a key compared ignoring case is lower-cased by the database on both sides,
 * because Java lower-cases some letters (`İ`, final `Σ`) differently, which would make a page repeat forever.
 */
public final class Keyset {

    /** How a key's value is written into a cursor and read back from one. */
    public enum Type {
        TEXT, INSTANT, UUID, INTEGER
    }

    /**
     * One sort key: an expression of the query, its type, its direction, and how both sides are compared (`%s`
     * stands for each side; `%s` alone compares as is).
     */
    public record Key(String expression, Type type, boolean largestFirst, String compareAs) {

        public static Key text(String expression) {
            return new Key(expression, Type.TEXT, false, "%s");
        }

        /** Text ordered by the database's lower case of it, as names are listed. */
        public static Key ignoringCase(String expression) {
            return new Key(expression, Type.TEXT, false, "lower(%s)");
        }

        public static Key instant(String expression) {
            return new Key(expression, Type.INSTANT, false, "%s");
        }

        public static Key uuid(String expression) {
            return new Key(expression, Type.UUID, false, "%s");
        }

        public static Key integer(String expression) {
            return new Key(expression, Type.INTEGER, false, "%s");
        }

        /** The same key, largest first. */
        public Key descending() {
            return new Key(expression, type, true, compareAs);
        }

        String side(String operand) {
            return compareAs.formatted(operand);
        }
    }

    private final List<Key> keys;
    private final int limit;
    private final List<Object> after;

    private Keyset(List<Key> keys, int limit, List<Object> after) {
        this.keys = keys;
        this.limit = limit;
        this.after = after;
    }

    /**
     * The page after `cursor` (null or empty: the first page) of at most `limit` items (null: the default), ordered by
     * `keys`. A cursor this list did not issue is a 400 problem naming `cursor`.
     */
    public static Keyset of(String cursor, Integer limit, Key... keys) {
        List<Key> order = List.of(keys);
        List<String> values = Cursor.decode(cursor, order.size());
        List<Object> after = null;
        if (values != null) {
            after = new ArrayList<>(order.size());
            for (int i = 0; i < order.size(); i++) {
                after.add(decode(order.get(i).type(), values.get(i)));
            }
        }
        return new Keyset(order, Page.limit(limit), after);
    }

    /** Whether this is the first page. */
    public boolean first() {
        return after == null;
    }

    /** ` and (…)` to append to a where clause, or nothing on the first page. */
    public String and() {
        return first() ? "" : " and " + predicate();
    }

    /** `where (…)` for a query without other conditions, or nothing on the first page. */
    public String where() {
        return first() ? "" : " where " + predicate();
    }

    /** The items after the cursor's: `(k0 > :after0 or (k0 = :after0 and k1 > :after1) …)`. */
    String predicate() {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            StringBuilder alternative = new StringBuilder();
            for (int j = 0; j < i; j++) {
                Key equal = keys.get(j);
                alternative.append(equal.side(equal.expression())).append(" = ").append(equal.side(":after" + j))
                        .append(" and ");
            }
            Key key = keys.get(i);
            alternative.append(key.side(key.expression())).append(key.largestFirst() ? " < " : " > ")
                    .append(key.side(":after" + i));
            alternatives.add(i == 0 ? alternative.toString() : "(" + alternative + ")");
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /** The ordering, without `order by`: `k0 asc, k1 asc`. */
    public String orderBy() {
        List<String> terms = new ArrayList<>();
        for (Key key : keys) {
            terms.add(key.side(key.expression()) + (key.largestFirst() ? " desc" : " asc"));
        }
        return String.join(", ", terms);
    }

    /** The named parameters of {@link #and()}: none on the first page. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new HashMap<>();
        if (after != null) {
            for (int i = 0; i < after.size(); i++) {
                parameters.put("after" + i, after.get(i));
            }
        }
        return parameters;
    }

    /** Binds {@link #parameters()} to a query and returns it. */
    public <Q extends Query> Q bind(Q query) {
        parameters().forEach(query::setParameter);
        return query;
    }

    /** How many rows to fetch: one more than a page, to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public int limit() {
        return limit;
    }

    /**
     * The page of the fetched rows (at most {@link #fetchSize()}), with the cursor of its last item when more follow.
     *
     * @param keysOf the values of the sort keys of a row, in the keys' order, as the query compares them (the raw
     *               value for a key compared ignoring case: the database lower-cases it)
     */
    public <T> Page<T> page(List<T> rows, Function<T, List<?>> keysOf) {
        return Page.of(rows, limit, last -> encode(keysOf.apply(last)));
    }

    private String encode(List<?> values) {
        if (values.size() != keys.size()) {
            throw new IllegalArgumentException("A row gives " + values.size() + " sort keys for " + keys.size());
        }
        String[] parts = new String[values.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = String.valueOf(values.get(i));
        }
        return Cursor.encode(parts);
    }

    private static Object decode(Type type, String value) {
        return switch (type) {
            case TEXT -> value;
            case INSTANT -> Cursor.instant(value);
            case UUID -> Cursor.uuid(value);
            case INTEGER -> Cursor.integer(value);
        };
    }

    /** For tests and logs: the keys this list orders by. */
    @Override
    public String toString() {
        return "Keyset" + keys + (after == null ? "" : " after " + after);
    }
}
