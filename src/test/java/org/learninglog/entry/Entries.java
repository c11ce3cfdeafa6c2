package org.learninglog.entry;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Small factories for entry bodies and a well-known week. */
public final class Entries {

    /** Tuesday of 2026-W48 in Europe, 10:00 UTC. */
    public static final Instant TUESDAY_W48 = Instant.parse("2026-11-24T10:00:00Z");

    private Entries() {
    }

    public static Map<String, Object> entry(String tried, String failed, String question, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("tried", tried);
        body.put("failed", failed);
        if (question != null) {
            body.put("question", question);
        }
        if (tags != null) {
            body.put("tags", tags);
        }
        return body;
    }

    /** The regional manager's week: a new packaging supplier, 20% over budget, and a question. */
    public static Map<String, Object> packagingEntry() {
        return entry("Switched to a new packaging supplier to meet the standards",
                "Costs came in 20% over budget", "Has anyone found a workaround?",
                List.of("packaging", "supplier-costs"));
    }
}
