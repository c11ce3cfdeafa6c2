package org.learninglog.reminder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.learninglog.mail.Outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Enqueues the log-day reminders and follow-up nudges that are due, for all members at once: one set-based
 * statement selects them (see {@link ReminderQueries}), and they go to the outbox batch by batch as they are
 * read; the dispatcher delivers them. Running it again, on this or another instance, enqueues nothing twice:
 * every nudge has a dedupe key (`reminder:{memberId}:{groupId}:{week}`, `follow-up:…`).
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    /**
     * Instances take turns slice by slice: one scans a slice, the others skip it. The lock of slice n is
     * (hashtext(schema || SCAN_LOCK), n), apart from the other jobs' (hashtext(schema), 741000x).
     */
    private static final String SCAN_LOCK = "/reminder-scan";

    /** A slice is half of the members; far above what it takes at a million (seconds). */
    private static final int SLICE_TIMEOUT_SECONDS = 600;

    /** How often a slice is scanned again when a nudge it selected was enqueued meanwhile. */
    private static final int SLICE_ATTEMPTS = 3;

    /** Slices scanned at the same time by one run (each its own transaction and connection). */
    static final int SCANNERS = 2;

    /** The memory of each hash of a slice's statement (a few of them, see below). */
    private static final String WORK_MEM = "64MB";

    private static final AtomicInteger SCANNER_THREADS = new AtomicInteger();

    private final ExecutorService scannerThreads;

    private final ReminderQueries queries;
    private final EntityManager entityManager;
    private final Clock clock;

    ReminderJob(ReminderQueries queries, EntityManager entityManager, Clock clock) {
        this.queries = queries;
        this.entityManager = entityManager;
        this.clock = clock;
        this.scannerThreads = Executors.newFixedThreadPool(SCANNERS, runnable -> {
            Thread thread = new Thread(runnable, "reminder-scan-" + SCANNER_THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(identity = "reminders", every = "${learninglog.reminders.every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        enqueueDue();
    }

    /**
     * Enqueues every nudge due at the clock's current instant: the members slice by slice
     * ({@link ReminderQueries#SLICES}, {@link #SCANNERS} at a time), each slice one statement in one transaction, that
     * selects the due nudges and inserts them into the outbox without leaving the database.
     *
     * @return how many were enqueued (0 as well for slices another instance is scanning right now)
     */
    public int enqueueDue() {
        long started = System.nanoTime();
        String zones = QuarkusTransaction.requiringNew().call(() -> queries.zoneClocks(clock.instant()));
        // Slices are taken in turn by SCANNERS threads: each slice's INSERT is one backend's work, so two at a
        // time keep two cores of PostgreSQL busy where one would leave the second idle.
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Integer>> scanners = new ArrayList<>();
        for (int scanner = 0; scanner < SCANNERS; scanner++) {
            scanners.add(CompletableFuture.supplyAsync(() -> {
                int enqueued = 0;
                for (int slice = next.getAndIncrement(); slice < ReminderQueries.SLICES; slice = next
                        .getAndIncrement()) {
                    enqueued += scanSlice(zones, slice);
                }
                return enqueued;
            }, scannerThreads));
        }
        int enqueued = 0;
        for (CompletableFuture<Integer> scanner : scanners) {
            enqueued += scanner.join();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        // Committed; bench/run.sh reports this duration as the scan's.
        if (enqueued > 0) {
            LOG.infof("Enqueued %d reminder emails in %d ms", enqueued, millis);
        } else {
            LOG.debugf("Enqueued 0 reminder emails in %d ms", millis);
        }
        return enqueued;
    }

    /**
     * Enqueues one slice's due nudges, unless another scan holds the slice. The slice's statement inserts without
     * `ON CONFLICT` (decision 140); should a nudge be enqueued meanwhile all the same, it fails, and the slice is
     * scanned again: the new statement sees that nudge and leaves it out.
     */
    private int scanSlice(String zones, int slice) {
        for (int attempt = 1;; attempt++) {
            try {
                return scanSliceOnce(zones, slice);
            } catch (Outbox.AlreadyEnqueued e) {
                if (attempt == SLICE_ATTEMPTS) {
                    throw e;
                }
                LOG.infof("Slice %d of the reminder scan met a reminder enqueued meanwhile; scanning it again", slice);
            }
        }
    }

    /** One slice in a transaction of its own. */
    private int scanSliceOnce(String zones, int slice) {
        return QuarkusTransaction.requiringNew().timeout(SLICE_TIMEOUT_SECONDS).call(() -> {
            Boolean locked = (Boolean) entityManager
                    .createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '"
                            + SCAN_LOCK + "'), " + slice + ")")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            // One statement over a slice's memberships: compiling it to machine code costs more than it saves. Its
            // hashes (a slice's memberships, the groups, this week's entries, the outbox's keys) spilled to disk in
            // batches at the default 4 MB; SCANNERS slices at a time each get this for the transaction only.
            entityManager.createNativeQuery("SET LOCAL jit = off").executeUpdate();
            entityManager.createNativeQuery("SET LOCAL work_mem = '" + WORK_MEM + "'").executeUpdate();
            return queries.enqueueDue(zones, slice);
        });
    }

    @PreDestroy
    void stopScanners() {
        scannerThreads.shutdown();
    }
}
