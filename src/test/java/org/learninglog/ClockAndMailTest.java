package org.learninglog;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learninglog.mail.TestMailServer;
import org.learninglog.time.MutableClock;

/**
 * The setup of the tests that drive the jobs at a moved clock and read the email they send, instead of each
 * class copying it: the test data, the tests' clock (back to now after each test, so the next class does not
 * start in a test's past) and the SMTP test server (running, and up again after a test that took it down).
 */
@ExtendWith(TestMailServer.class)
public abstract class ClockAndMailTest {

    @Inject
    protected TestData data;

    @Inject
    protected MutableClock clock;

    @AfterEach
    void restoreClockAndMailServer() {
        TestMailServer.start();
        clock.reset();
    }
}
