package org.learninglog.entry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.learninglog.api.ETags;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.api.ReadOnly;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;
import org.learninglog.member.Member;
import org.learninglog.time.Week;

@ApplicationScoped
@Transactional
public class EntryService {

    /** What a member writes for a week. */
    public record Content(String tried, String failed, String question, List<String> tags, Entry.Outcome outcome,
            String outcomeNote) {
        public Content(String tried, String failed, String question, List<String> tags) {
            this(tried, failed, question, tags, null, null);
        }
    }

    /** An edit; null fields stay as they are. */
    public record Edit(String tried, String failed, String question, boolean clearQuestion, List<String> tags,
            Entry.Outcome outcome, String outcomeNote) {
    }

    /**
     * Raised in the transaction, under the entry's lock, the first time an entry tells how the advice on the
     * author's question of the week before (`questionEntryId`) worked out.
     */
    public record OutcomeReported(UUID entryId, UUID questionEntryId, UUID authorId) {
    }

    /** My entry after putting it, and whether this put created it (201) or replaced it (200). */
    public record Put(EntryView entry, boolean created) {
    }

    /** One version of an entry. */
    public record Revision(int version, EntryRevision.Change change, String tried, String failed, String question,
            List<String> tags, Instant editedAt) {
    }

    /**
     * Raised in the transaction, under the entry's row lock, when an entry comes to ask a question it did not ask
     * before: posted with one, or one added by a replace or an edit. Changing the words of a question raises none.
     */
    /**
     * An entry posted for a week (not a replacement of one): fired in the posting transaction, for the features
     * that tell others of it (webhooks), with its words as posted.
     */
    public record EntryPosted(UUID entryId, UUID groupId, UUID authorId, String week, String tried, String failed,
            String question) {
    }

    public record QuestionAsked(UUID entryId, UUID groupId, UUID authorId) {
    }

    /** Concurrent puts and deletes of one entry settle within a few rounds; more means something is wrong. */
    private static final int PUT_ATTEMPTS = 3;

    private final Clock clock;
    private final GroupAccess groups;
    private final EntryAccess access;
    private final OpenWeeks weeks;
    private final Event<QuestionAsked> questionAsked;
    private final Event<OutcomeReported> outcomeReported;
    private final Event<EntryPosted> entryPosted;

    EntryService(Clock clock, GroupAccess groups, EntryAccess access, OpenWeeks weeks,
            Event<QuestionAsked> questionAsked, Event<OutcomeReported> outcomeReported,
            Event<EntryPosted> entryPosted) {
        this.outcomeReported = outcomeReported;
        this.entryPosted = entryPosted;
        this.clock = clock;
        this.groups = groups;
        this.access = access;
        this.weeks = weeks;
        this.questionAsked = questionAsked;
    }

    public Put putMine(Actor actor, UUID groupId, String weekText, Content content) {
        groups.contentWriteAccess(actor, groupId);
        Member me = Member.findById(actor.id());
        Week week = weeks.resolve(weekText, me.zone());
        boolean late = weeks.requireOpen(week, me.zone());
        String tried = EntryRules.text("tried", content.tried());
        String failed = EntryRules.text("failed", content.failed());
        String question = content.question() == null ? null : EntryRules.text("question", content.question());
        String[] tags = EntryRules.tags(content.tags());

        Instant now = clock.instant();
        // The unique key decides between concurrent first posts; the losers replace under the row lock. An entry
        // deleted between the insert and the lock is inserted afresh.
        boolean created = false;
        Entry entry = null;
        for (int attempt = 0; entry == null; attempt++) {
            if (attempt == PUT_ATTEMPTS) {
                throw Problems.conflict("Your entry for " + week + " kept changing meanwhile; retry");
            }
            created = Entry.getEntityManager().createNativeQuery(
                    "INSERT INTO entry (id, group_id, member_id, week, late, created_at, updated_at, version)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 0)"
                            + " ON CONFLICT (group_id, member_id, week) DO NOTHING")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, groupId).setParameter(3, actor.id())
                    .setParameter(4, week.toString()).setParameter(5, late).setParameter(6, now)
                    .executeUpdate() == 1;
            entry = Entry
                    .<Entry>find("groupId = ?1 and memberId = ?2 and week = ?3", groupId, actor.id(), week.toString())
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        }
        boolean askedBefore = !created && !entry.isRemoved() && entry.question != null;
        boolean toldBefore = !created && !entry.isRemoved() && entry.outcome != null;
        if (entry.isRemoved()) {
            // Posting again after removing an entry whose thread had replies starts it afresh.
            created = true;
            entry.deletedAt = null;
            entry.late = late;
        }
        entry.tried = tried;
        entry.failed = failed;
        entry.question = question;
        entry.tags = tags;
        outcome(entry, content.outcome(), content.outcomeNote(), true);
        entry.updatedAt = now;
        entry.version++;
        EntryRevision.record(entry, created ? EntryRevision.Change.CREATED : EntryRevision.Change.REPLACED, now);
        if (created) {
            entryPosted.fire(new EntryPosted(entry.id, entry.groupId, entry.memberId, entry.week, entry.tried,
                    entry.failed, entry.question));
        }
        announceIfNewQuestion(entry, askedBefore);
        announceIfFirstOutcome(entry, toldBefore);
        return new Put(EntryView.of(entry, me.displayName), created);
    }

    @ReadOnly
    public EntryView getMine(Actor actor, UUID groupId, String weekText) {
        groups.contentAccess(actor, groupId);
        Week week = weeks.resolve(weekText, () -> Member.<Member>findById(actor.id()).zone());
        return Entry.viewOfMine(groupId, actor.id(), week.toString())
                .orElseThrow(() -> Problems.notFound("Your entry for " + week));
    }

    @ReadOnly
    public EntryView get(Actor actor, UUID entryId) {
        access.readable(actor, entryId);
        return Entry.view(entryId).orElseThrow(() -> Problems.notFound("Entry"));
    }

    public EntryView edit(Actor actor, UUID entryId, String ifMatch, Edit edit) {
        Entry entry = ownLive(actor, entryId, ifMatch);
        boolean askedBefore = entry.question != null;
        boolean toldBefore = entry.outcome != null;
        if (edit.outcome() != null || edit.outcomeNote() != null) {
            outcome(entry, edit.outcome() != null ? edit.outcome() : entry.outcome, edit.outcomeNote(), false);
        }
        if (edit.tried() != null) {
            entry.tried = EntryRules.text("tried", edit.tried());
        }
        if (edit.failed() != null) {
            entry.failed = EntryRules.text("failed", edit.failed());
        }
        if (edit.clearQuestion() && edit.question() != null) {
            throw Problems.invalid("clearQuestion", "cannot be combined with a new question");
        }
        if (edit.clearQuestion()) {
            entry.question = null;
        } else if (edit.question() != null) {
            entry.question = EntryRules.text("question", edit.question());
        }
        if (edit.tags() != null) {
            entry.tags = EntryRules.tags(edit.tags());
        }
        Instant now = clock.instant();
        entry.updatedAt = now;
        entry.version++;
        EntryRevision.record(entry, EntryRevision.Change.EDITED, now);
        announceIfNewQuestion(entry, askedBefore);
        announceIfFirstOutcome(entry, toldBefore);
        return EntryView.of(entry, Member.<Member>findById(entry.memberId).displayName);
    }

    /** Deletes my entry; with replies its thread stays, the entry shown as removed and its words forgotten. */
    public void delete(Actor actor, UUID entryId, String ifMatch) {
        Entry entry = ownLive(actor, entryId, ifMatch);
        // Exact: replies are added and deleted under the entry's row lock, which this transaction holds.
        if (entry.replyCount == 0) {
            entry.delete();
            return;
        }
        Instant now = clock.instant();
        entry.tried = null;
        entry.failed = null;
        entry.question = null;
        entry.tags = new String[0];
        entry.deletedAt = now;
        entry.updatedAt = now;
        entry.version++;
        EntryRevision.forgetContentOf(entry.id);
        EntryRevision.record(entry, EntryRevision.Change.DELETED, now);
    }

    @ReadOnly
    public Page<Revision> history(Actor actor, UUID entryId, Integer limit, String cursor) {
        access.readable(actor, entryId);
        return EntryRevision.pageOf(entryId, cursor, limit);
    }

    @ReadOnly
    public Page<EntryView> mine(Actor actor, Integer limit, String cursor) {
        return Entry.pageOfMember(actor.id(), cursor, limit);
    }

    /** Maximum length of an outcome's note, in code points. */
    private static final int MAX_OUTCOME_NOTE = 500;

    /**
     * Sets how last week's advice worked out (a replace clears it when left out); it is about the author's entry of
     * the week before in the group, which must ask a question.
     */
    private void outcome(Entry entry, Entry.Outcome outcome, String note, boolean replace) {
        if (outcome == null) {
            if (note != null) {
                throw Problems.invalid("outcomeNote", "needs an outcome");
            }
            if (replace) {
                entry.outcome = null;
                entry.outcomeNote = null;
                entry.outcomeOf = null;
            }
            return;
        }
        String week = Week.parse(entry.week).orElseThrow().previous().toString();
        Entry asked = Entry.<Entry>find("groupId = ?1 and memberId = ?2 and week = ?3 and deletedAt is null"
                + " and question is not null", entry.groupId, entry.memberId, week).firstResult();
        if (asked == null) {
            throw Problems.unprocessable("You asked no question in this group in " + week
                    + ", so there is no outcome to tell");
        }
        String text = note == null ? (replace ? null : entry.outcomeNote) : note.strip();
        if (text != null && (text.isEmpty() || org.learninglog.api.CodePointLengths.length(text) > MAX_OUTCOME_NOTE)) {
            throw Problems.invalid("outcomeNote", "must be 1 to " + MAX_OUTCOME_NOTE + " characters");
        }
        entry.outcome = outcome;
        entry.outcomeNote = text;
        entry.outcomeOf = asked.id;
    }

    private void announceIfFirstOutcome(Entry entry, boolean toldBefore) {
        if (entry.outcome != null && !toldBefore) {
            outcomeReported.fire(new OutcomeReported(entry.id, entry.outcomeOf, entry.memberId));
        }
    }

    private void announceIfNewQuestion(Entry entry, boolean askedBefore) {
        if (entry.question != null && !askedBefore) {
            questionAsked.fire(new QuestionAsked(entry.id, entry.groupId, entry.memberId));
        }
    }

    private Entry ownLive(Actor actor, UUID entryId, String ifMatch) {
        Entry entry = access.lockedEntry(actor, entryId);
        if (entry.isRemoved()) {
            throw Problems.notFound("Entry");
        }
        if (!entry.memberId.equals(actor.id())) {
            throw Problems.forbidden("Only the author may change or delete an entry");
        }
        ETags.requireMatch(ifMatch, entry.version);
        return entry;
    }
}
