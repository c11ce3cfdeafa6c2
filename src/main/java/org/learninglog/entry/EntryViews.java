package org.learninglog.entry;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.learninglog.api.ETags;
import org.learninglog.api.Page;
import org.learninglog.api.contract.model.AuthorRefJson;
import org.learninglog.api.contract.model.AwayMemberJson;
import org.learninglog.api.contract.model.EntryJson;
import org.learninglog.api.contract.model.EntryPageJson;
import org.learninglog.api.contract.model.RevisionJson;
import org.learninglog.api.contract.model.RevisionPageJson;
import org.learninglog.api.contract.model.WeekLogJson;
import org.learninglog.member.Member;

/** Maps entries, week logs and revisions to their wire form. */
public final class EntryViews {

    private EntryViews() {
    }

    public static EntryJson of(Entry.Authored authored) {
        Entry entry = authored.entry();
        return new EntryJson()
                .id(entry.id)
                .groupId(entry.groupId)
                .week(entry.week)
                .author(new AuthorRefJson().id(entry.memberId).displayName(authored.authorName()))
                .tried(entry.tried)
                .failed(entry.failed)
                .question(entry.question)
                .tags(tags(entry.tags))
                .late(entry.late)
                .questionStatus(EntryJson.QuestionStatusEnum.fromValue(entry.questionStatus()))
                .replyCount(entry.replyCount)
                .acceptedReplyId(entry.isRemoved() ? null : entry.acceptedReplyId)
                .firstReplyAt(entry.firstReplyAt == null ? null : entry.firstReplyAt.atOffset(ZoneOffset.UTC))
                .removed(entry.isRemoved())
                .createdAt(entry.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(entry.updatedAt.atOffset(ZoneOffset.UTC));
    }

    /** The entry's ETag, for resources of other features that answer with an entry. */
    public static String etag(Entry.Authored authored) {
        return ETags.of(authored.entry().version);
    }

    static EntryPageJson page(Page<Entry.Authored> page) {
        return new EntryPageJson().items(page.items().stream().map(EntryViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    static WeekLogJson of(EntryService.WeekLog log) {
        return new WeekLogJson()
                .groupId(log.groupId())
                .week(log.week().toString())
                .entries(log.entries().stream().map(EntryViews::of).toList())
                .memberCount(log.memberCount())
                .postedCount(log.postedCount())
                .notPosted(log.notPosted().stream().map(EntryViews::ref).toList())
                .away(log.away().stream()
                        .map(m -> new AwayMemberJson().id(m.id).displayName(m.displayName).awayUntil(m.awayUntil))
                        .toList());
    }

    static RevisionPageJson revisions(Page<EntryRevision> page) {
        return new RevisionPageJson().items(page.items().stream().map(EntryViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    private static RevisionJson of(EntryRevision revision) {
        return new RevisionJson()
                .version(revision.version)
                .change(RevisionJson.ChangeEnum.fromValue(revision.change.name()))
                .tried(revision.tried)
                .failed(revision.failed)
                .question(revision.question)
                .tags(tags(revision.tags))
                .editedAt(revision.editedAt.atOffset(ZoneOffset.UTC));
    }

    private static AuthorRefJson ref(Member member) {
        return new AuthorRefJson().id(member.id).displayName(member.displayName);
    }

    private static List<String> tags(String[] tags) {
        return tags == null ? List.of() : Arrays.asList(tags);
    }
}
