package org.learninglog.mail;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Outbox delivery on `/q/metrics`: `learninglog_mail_sent_total`, `learninglog_mail_failed_total` (attempts
 * that failed and will be retried), `learninglog_mail_dead_total` (emails given up) and the gauge
 * `learninglog_mail_backlog` (PENDING and FAILED rows, as counted by this instance's last dispatcher run).
 */
@ApplicationScoped
public class MailMetrics {

    private final Counter sent;
    private final Counter failed;
    private final Counter dead;
    private final AtomicLong backlog = new AtomicLong();

    MailMetrics(MeterRegistry registry) {
        sent = Counter.builder("learninglog.mail.sent").description("Emails handed to the SMTP server")
                .register(registry);
        failed = Counter.builder("learninglog.mail.failed")
                .description("Delivery attempts that failed and will be retried")
                .register(registry);
        dead = Counter.builder("learninglog.mail.dead").description("Emails given up after the last attempt failed")
                .register(registry);
        Gauge.builder("learninglog.mail.backlog", backlog, AtomicLong::get)
                .description("Emails waiting to be sent (PENDING and FAILED rows)").register(registry);
    }

    void sent(int count) {
        sent.increment(count);
    }

    void failed() {
        failed.increment();
    }

    void dead() {
        dead.increment();
    }

    void backlog(long rows) {
        backlog.set(rows);
    }

    public double failedCount() {
        return failed.count();
    }

    public double deadCount() {
        return dead.count();
    }

    public long backlog() {
        return backlog.get();
    }
}
