package org.learninglog.mail;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** How the outbox stores an email's data and reads it back, without Quarkus. */
class MailKindTest {

    record Line(String text, Instant at) {
    }

    record Note(UUID memberId, String title, String remark, int count, boolean urgent, List<Line> lines) {
    }

    private static final MailKind<Note> NOTE = MailKind.of("NOTE", Note.class);

    private final Note note = new Note(UUID.fromString("6f1c3e0a-2c55-4c43-9d8e-3b0f5a2b1c7d"), "Title", null, 3, true,
            List.of(new Line("one", Instant.parse("2026-11-24T11:00:00Z"))));

    @Test
    void shouldReadBackWhatItWrote() {
        assertEquals(note, NOTE.read(NOTE.write(note)));
    }

    @Test
    void shouldWriteEveryComponentNullsIncludedAndInstantsAsText() {
        String json = NOTE.write(note);

        assertThat(json, containsString("\"remark\":null"));
        assertThat(json, containsString("\"at\":\"2026-11-24T11:00:00Z\""));
    }

    @Test
    void shouldFailOnAMissingComponentEvenANullableOne() {
        String json = NOTE.write(note).replace("\"remark\":null,", "");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NOTE.read(json));
        assertThat(e.getMessage(), containsString("remark"));
    }

    @Test
    void shouldFailOnAMissingComponentOfANestedRecord() {
        String json = NOTE.write(note).replace(",\"at\":\"2026-11-24T11:00:00Z\"", "");

        assertThrows(IllegalStateException.class, () -> NOTE.read(json));
    }

    @Test
    void shouldFailOnAMissingPrimitive() {
        String json = NOTE.write(note).replace("\"count\":3,", "");

        assertThrows(IllegalStateException.class, () -> NOTE.read(json));
    }

    @Test
    void shouldIgnoreFieldsANewerVersionAdded() {
        String json = NOTE.write(note).replace("{\"memberId\"", "{\"addedLater\":{\"x\":1},\"memberId\"");

        assertEquals(note, NOTE.read(json));
    }

    @Test
    void shouldReadARowOnlyAsTheKindItWasEnqueuedAs() {
        MailKind<Note> other = MailKind.of("OTHER_NOTE", Note.class);
        OutboundEmail row = new OutboundEmail(UUID.randomUUID(), "NOTE", UUID.randomUUID(), "ana@test.invalid",
                NOTE.write(note), "note:1", 1, "en");

        assertEquals(note, row.data(NOTE));
        assertThrows(IllegalStateException.class, () -> row.data(other));
    }

    @Test
    void shouldRefuseADedupeKeyTheOutboxCannotStore() {
        assertThrows(IllegalArgumentException.class,
                () -> new OutboundMail<>(NOTE, UUID.randomUUID(), "k".repeat(201), note));
        assertThrows(IllegalArgumentException.class, () -> MailKind.of("K".repeat(33), Note.class));
    }
}
