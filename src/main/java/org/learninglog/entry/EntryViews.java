package org.learninglog.entry;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.AuthorRefJson;
import org.learninglog.api.contract.model.EntryJson;
import org.learninglog.api.contract.model.EntryPageJson;
import org.learninglog.api.contract.model.OutcomeJson;
import org.learninglog.api.contract.model.QuestionStatusJson;
import org.learninglog.api.contract.model.RevisionChangeJson;
import org.learninglog.api.contract.model.RevisionJson;
import org.learninglog.api.contract.model.RevisionPageJson;

/** Maps entries, week logs and revisions to their wire form. */
public final class EntryViews {

    private EntryViews() {
    }

    public static EntryJson of(EntryView entry) {
        return new EntryJson()
                .id(entry.id())
                .version(entry.version())
                .groupId(entry.groupId())
                .week(entry.week())
                .author(new AuthorRefJson().id(entry.authorId()).displayName(entry.authorName()))
                .tried(entry.tried())
                .failed(entry.failed())
                .question(entry.question())
                .tags(entry.tags())
                .late(entry.late())
                .questionStatus(QuestionStatusJson.fromValue(entry.questionStatus()))
                .replyCount(entry.replyCount())
                .acceptedReplyId(entry.acceptedReplyId())
                .firstReplyAt(utc(entry.firstReplyAt()))
                .removed(entry.removed())
                .createdAt(utc(entry.createdAt()))
                .updatedAt(utc(entry.updatedAt()))
                .outcome(entry.outcome() == null ? null : OutcomeJson.valueOf(entry.outcome().name()))
                .outcomeNote(entry.outcomeNote())
                .outcomeOf(entry.outcomeOf());
    }

    static Entry.Outcome outcome(OutcomeJson outcome) {
        return outcome == null ? null : Entry.Outcome.valueOf(outcome.name());
    }

    static EntryPageJson page(Page<EntryView> page) {
        return new EntryPageJson().items(page.items().stream().map(EntryViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    static RevisionPageJson revisions(Page<EntryService.Revision> page) {
        return new RevisionPageJson().items(page.items().stream().map(EntryViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    private static RevisionJson of(EntryService.Revision revision) {
        return new RevisionJson()
                .version(revision.version())
                .change(RevisionChangeJson.fromValue(revision.change().name()))
                .tried(revision.tried())
                .failed(revision.failed())
                .question(revision.question())
                .tags(revision.tags())
                .editedAt(utc(revision.editedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
