package org.learninglog.entry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.learninglog.api.Cursor;
import org.learninglog.api.ETags;
import org.learninglog.api.Page;
import org.learninglog.api.Problems;
import org.learninglog.group.Group;
import org.learninglog.group.GroupAccess;
import org.learninglog.identity.Actor;
import org.learninglog.member.Member;
import org.learninglog.time.Week;

@ApplicationScoped
@Transactional
public class EntryService {

    /** What a member writes for a week. */
    public record Content(String tried, String failed, String question, List<String> tags) {
    }

    /** An edit; null fields stay as they are. */
    public record Edit(String tried, String failed, String question, boolean clearQuestion, List<String> tags) {
    }

    /** The outcome of putting my entry: whether it was created, for 201 against 200. */
    public record Put(Entry.Authored entry, boolean created) {
    }

    /** A week's log of a group, and who has not posted. */
    public record WeekLog(UUID groupId, Week week, List<Entry.Authored> entries, int memberCount, int postedCount,
            List<Member> notPosted, List<Member> away) {
    }

    private final Clock clock;
    private final GroupAccess access;
    private final OpenWeeks weeks;

    EntryService(Clock clock, GroupAccess access, OpenWeeks weeks) {
        this.clock = clock;
        this.access = access;
        this.weeks = weeks;
    }

    public Put putMine(Actor actor, UUID groupId, String weekText, Content content) {
        access.contentAccess(actor, groupId);
        Group group = Group.findById(groupId);
        if (group.archived) {
            throw Problems.unprocessable("The group is archived; its log is read-only");
        }
        Member me = Member.findById(actor.id());
        Week week = weeks.resolve(weekText, me.zone());
        boolean late = weeks.requireOpen(week, me.zone());
        String tried = EntryRules.text("tried", content.tried());
        String failed = EntryRules.text("failed", content.failed());
        String question = content.question() == null ? null : EntryRules.text("question", content.question());
        String[] tags = EntryRules.tags(content.tags());

        Instant now = clock.instant();
        // The unique key decides between concurrent first posts; the losers replace under the row lock.
        boolean created = Entry.getEntityManager().createNativeQuery(
                "INSERT INTO entry (id, group_id, member_id, week, late, created_at, updated_at, version)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 0)"
                        + " ON CONFLICT (group_id, member_id, week) DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, groupId).setParameter(3, actor.id())
                .setParameter(4, week.toString()).setParameter(5, late).setParameter(6, now)
                .executeUpdate() == 1;
        Entry entry = Entry
                .<Entry>find("groupId = ?1 and memberId = ?2 and week = ?3", groupId, actor.id(), week.toString())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
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
        entry.updatedAt = now;
        entry.version++;
        EntryRevision.record(entry, created ? EntryRevision.Change.CREATED : EntryRevision.Change.REPLACED, now);
        return new Put(new Entry.Authored(entry, me.displayName), created);
    }

    public Entry.Authored getMine(Actor actor, UUID groupId, String weekText) {
        access.contentAccess(actor, groupId);
        Member me = Member.findById(actor.id());
        Week week = weeks.resolve(weekText, me.zone());
        Entry entry = Entry.<Entry>find("groupId = ?1 and memberId = ?2 and week = ?3 and deletedAt is null",
                groupId, actor.id(), week.toString()).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("Your entry for " + week));
        return new Entry.Authored(entry, me.displayName);
    }

    public Entry.Authored get(Actor actor, UUID entryId) {
        Entry entry = visible(actor, entryId, LockModeType.NONE);
        return new Entry.Authored(entry, authorName(entry));
    }

    public Entry.Authored edit(Actor actor, UUID entryId, String ifMatch, Edit edit) {
        Entry entry = ownLive(actor, entryId, ifMatch);
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
        return new Entry.Authored(entry, authorName(entry));
    }

    /** Deletes my entry; with replies its thread stays, the entry shown as removed and its words forgotten. */
    public void delete(Actor actor, UUID entryId, String ifMatch) {
        Entry entry = ownLive(actor, entryId, ifMatch);
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

    public Page<EntryRevision> history(Actor actor, UUID entryId, Integer limit, String cursor) {
        visible(actor, entryId, LockModeType.NONE);
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 1);
        int afterVersion = after == null ? 0 : Cursor.integer(after.get(0));
        return Page.of(EntryRevision.pageOf(entryId, afterVersion, size + 1), size,
                r -> Cursor.encode(Integer.toString(r.version)));
    }

    public Page<Entry.Authored> mine(Actor actor, Integer limit, String cursor) {
        Member me = Member.findById(actor.id());
        int size = Page.limit(limit);
        List<String> after = Cursor.decode(cursor, 3);
        String afterWeek = after == null ? null : Cursor.key(after.get(0), Week::parse).toString();
        Instant afterCreatedAt = after == null ? null : Cursor.instant(after.get(1));
        UUID afterId = after == null ? null : Cursor.uuid(after.get(2));
        return Page.of(Entry.pageOfMember(actor.id(), afterWeek, afterCreatedAt, afterId, size + 1), size,
                e -> Cursor.encode(e.week, e.createdAt.toString(), e.id.toString()))
                .map(e -> new Entry.Authored(e, me.displayName));
    }

    public WeekLog weekLog(Actor actor, UUID groupId, String weekText) {
        readOnly();
        access.contentAccess(actor, groupId);
        Group group = Group.findById(groupId);
        Week week = weeks.resolve(weekText, () -> Member.<Member>findById(actor.id()).zone());
        List<Entry.Authored> entries = Entry.ofWeek(groupId, week.toString());
        Set<UUID> posted = entries.stream().filter(a -> !a.entry().isRemoved()).map(a -> a.entry().memberId)
                .collect(Collectors.toSet());
        List<Member> members = Member.inGroup(groupId);
        LocalDate logDay = week.day(group.logDay);
        List<Member> waiting = members.stream().filter(m -> m.active && !posted.contains(m.id)).toList();
        return new WeekLog(groupId, week, entries, members.size(), posted.size(),
                waiting.stream().filter(m -> !m.isAwayOn(logDay)).toList(),
                waiting.stream().filter(m -> m.isAwayOn(logDay)).toList());
    }

    /**
     * Marks this transaction's persistence context read-only: nothing loaded is changed, so Hibernate keeps no
     * snapshots and checks nothing for changes at commit. Only for methods that start their own transaction.
     */
    private static void readOnly() {
        Session session = Entry.getEntityManager().unwrap(Session.class);
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
    }

    private Entry visible(Actor actor, UUID entryId, LockModeType lock) {
        return access.content(actor, Entry.<Entry>findByIdOptional(entryId, lock), e -> e.groupId, "Entry");
    }

    private Entry ownLive(Actor actor, UUID entryId, String ifMatch) {
        Entry entry = visible(actor, entryId, LockModeType.PESSIMISTIC_WRITE);
        if (entry.isRemoved()) {
            throw Problems.notFound("Entry");
        }
        if (!entry.memberId.equals(actor.id())) {
            throw Problems.forbidden("Only the author may change or delete an entry");
        }
        ETags.requireMatch(ifMatch, entry.version);
        return entry;
    }

    private static String authorName(Entry entry) {
        Member author = Member.findById(entry.memberId);
        return author.displayName;
    }
}
