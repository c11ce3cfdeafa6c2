package org.learninglog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs requests on real threads that all start at the same moment, for the tests that race requests against
 * each other and then check what the database holds. One pool for a whole test ({@code new Race(n)}, closed at its
 * end), or one for a single race ({@link #all}).
 */
public final class Race implements AutoCloseable {

    private final ExecutorService pool;
    private final int threads;

    public Race(int threads) {
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    /** Runs every call at once on a pool of its own and answers what each returned, in the calls' order. */
    public static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        try (Race race = new Race(calls.size())) {
            return race.run(calls);
        }
    }

    /** Starts every contender at once (at most as many as threads) and answers what each returned, in order. */
    public <T> List<T> run(List<Callable<T>> contenders) throws Exception {
        if (contenders.size() > threads) {
            throw new IllegalArgumentException(contenders.size() + " contenders for " + threads + " threads");
        }
        CyclicBarrier start = new CyclicBarrier(contenders.size());
        List<Future<T>> answers = new ArrayList<>();
        for (Callable<T> contender : contenders) {
            answers.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return contender.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> answer : answers) {
            results.add(answer.get(120, TimeUnit.SECONDS));
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
