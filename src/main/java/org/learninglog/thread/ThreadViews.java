package org.learninglog.thread;

import java.time.ZoneOffset;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.AuthorRefJson;
import org.learninglog.api.contract.model.QuestionJson;
import org.learninglog.api.contract.model.QuestionPageJson;
import org.learninglog.api.contract.model.ReplyJson;
import org.learninglog.api.contract.model.ReplyPageJson;
import org.learninglog.entry.Entry;

/** Maps replies and questions to their wire form. */
final class ThreadViews {

    private ThreadViews() {
    }

    static ReplyJson of(ThreadService.Shown shown) {
        return of(shown.reply(), shown.accepted());
    }

    static ReplyJson of(Reply.Authored authored, boolean accepted) {
        Reply reply = authored.reply();
        return new ReplyJson()
                .id(reply.id)
                .entryId(reply.entryId)
                .author(new AuthorRefJson().id(reply.memberId).displayName(authored.authorName()))
                .body(reply.body)
                .accepted(accepted)
                .createdAt(reply.createdAt.atOffset(ZoneOffset.UTC))
                .editedAt(reply.editedAt == null ? null : reply.editedAt.atOffset(ZoneOffset.UTC));
    }

    static ReplyPageJson page(ThreadService.Thread thread) {
        Page<Reply.Authored> page = thread.replies();
        return new ReplyPageJson().items(page.items().stream()
                .map(r -> of(r, r.reply().id.equals(thread.entry().acceptedReplyId))).toList())
                .nextCursor(page.nextCursor());
    }

    static QuestionPageJson questions(Page<QuestionService.Asked> page) {
        return new QuestionPageJson().items(page.items().stream().map(ThreadViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    private static QuestionJson of(QuestionService.Asked asked) {
        Entry entry = asked.entry();
        return new QuestionJson()
                .entryId(entry.id)
                .groupId(entry.groupId)
                .groupName(asked.groupName())
                .week(entry.week)
                .author(new AuthorRefJson().id(entry.memberId).displayName(asked.authorName()))
                .question(entry.question)
                .status(entry.acceptedReplyId == null ? QuestionJson.StatusEnum.OPEN : QuestionJson.StatusEnum.ANSWERED)
                .replyCount(entry.replyCount)
                .firstReplyAt(entry.firstReplyAt == null ? null : entry.firstReplyAt.atOffset(ZoneOffset.UTC))
                .askedAt(entry.createdAt.atOffset(ZoneOffset.UTC));
    }
}
