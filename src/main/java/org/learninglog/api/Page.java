package org.learninglog.api;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paged list. Queries fetch `limit + 1` rows to know whether more follow. */
public record Page<T>(List<T> items, String nextCursor) {

    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), cursorOf.apply(items.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /** The limit asked for, within the API's bounds (the contract validates them too). */
    public static int limit(Integer requested) {
        return requested == null ? 20 : Math.max(1, Math.min(100, requested));
    }
}
