package org.learninglog.personaldata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.learninglog.entry.EntryPersonalData;
import org.learninglog.member.MemberService;
import org.learninglog.thread.ThreadPersonalData;

/** A group's log as one document (the wire form of `GroupLogExport`), and that document as CSV. */
final class GroupLogFormats {

    record LogReply(UUID id, String author, String body, boolean accepted, Instant createdAt) {
    }

    record LogEntry(UUID id, String week, String author, String tried, String failed, String question,
            List<String> tags, Instant createdAt, List<LogReply> replies) {
    }

    record Document(UUID groupId, String groupName, Instant exportedAt, List<LogEntry> entries) {
    }

    private GroupLogFormats() {
    }

    static Document document(PersonalDataService.GroupLog log) {
        Map<UUID, List<ThreadPersonalData.LogReply>> replies = log.replies().stream()
                .collect(Collectors.groupingBy(ThreadPersonalData.LogReply::entryId));
        List<LogEntry> entries = log.entries().stream().map(e -> entry(e, replies.getOrDefault(e.id(), List.of()),
                log.names())).toList();
        return new Document(log.groupId(), log.groupName(), log.exportedAt(), entries);
    }

    private static LogEntry entry(EntryPersonalData.LogEntry e, List<ThreadPersonalData.LogReply> replies,
            Map<UUID, String> names) {
        return new LogEntry(e.id(), e.week(), name(names, e.authorId()), e.tried(), e.failed(), e.question(),
                e.tags(), e.createdAt(), replies.stream().map(r -> new LogReply(r.id(), name(names, r.authorId()),
                        r.body(), r.id().equals(e.acceptedReplyId()), r.createdAt())).toList());
    }

    private static String name(Map<UUID, String> names, UUID id) {
        return names.getOrDefault(id, MemberService.FORMER_MEMBER);
    }

    /** A header row, then a row per entry and one per reply after its entry (the reply's row names its entry). */
    static String csv(Document document) {
        StringBuilder out = new StringBuilder(
                "kind,id,entryId,week,author,tried,failed,question,tags,body,accepted,createdAt\r\n");
        for (LogEntry entry : document.entries()) {
            row(out, "entry", entry.id(), entry.id(), entry.week(), entry.author(), entry.tried(), entry.failed(),
                    entry.question(), String.join(" ", entry.tags()), null, null, entry.createdAt());
            for (LogReply reply : entry.replies()) {
                row(out, "reply", reply.id(), entry.id(), entry.week(), reply.author(), null, null, null, null,
                        reply.body(), reply.accepted(), reply.createdAt());
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values[i]));
        }
        out.append("\r\n");
    }

    /** RFC 4180 quoting; text a spreadsheet would run as a formula gets an apostrophe first (decision 87). */
    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.startsWith("'")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
