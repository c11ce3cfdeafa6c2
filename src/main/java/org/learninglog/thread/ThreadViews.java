package org.learninglog.thread;

import java.time.ZoneOffset;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.AuthorRef;
import org.learninglog.api.contract.model.Question;
import org.learninglog.api.contract.model.QuestionPage;
import org.learninglog.api.contract.model.ReplyPage;
import org.learninglog.entry.Entry;

/** Maps replies and questions to their wire form. */
final class ThreadViews {

    private ThreadViews() {
    }

    static org.learninglog.api.contract.model.Reply of(ThreadService.Shown shown) {
        return of(shown.reply(), shown.accepted());
    }

    static org.learninglog.api.contract.model.Reply of(Reply.Authored authored, boolean accepted) {
        Reply reply = authored.reply();
        return new org.learninglog.api.contract.model.Reply()
                .id(reply.id)
                .entryId(reply.entryId)
                .author(new AuthorRef().id(reply.memberId).displayName(authored.authorName()))
                .body(reply.body)
                .accepted(accepted)
                .createdAt(reply.createdAt.atOffset(ZoneOffset.UTC))
                .editedAt(reply.editedAt == null ? null : reply.editedAt.atOffset(ZoneOffset.UTC));
    }

    static ReplyPage page(ThreadService.Thread thread) {
        Page<Reply.Authored> page = thread.replies();
        return new ReplyPage().items(page.items().stream()
                .map(r -> of(r, r.reply().id.equals(thread.entry().acceptedReplyId))).toList())
                .nextCursor(page.nextCursor());
    }

    static QuestionPage questions(Page<QuestionService.Asked> page) {
        return new QuestionPage().items(page.items().stream().map(ThreadViews::of).toList()).nextCursor(page.nextCursor());
    }

    private static Question of(QuestionService.Asked asked) {
        Entry entry = asked.entry();
        return new Question()
                .entryId(entry.id)
                .groupId(entry.groupId)
                .groupName(asked.groupName())
                .week(entry.week)
                .author(new AuthorRef().id(entry.memberId).displayName(asked.authorName()))
                .question(entry.question)
                .status(entry.acceptedReplyId == null ? Question.StatusEnum.OPEN : Question.StatusEnum.ANSWERED)
                .replyCount(entry.replyCount)
                .firstReplyAt(entry.firstReplyAt == null ? null : entry.firstReplyAt.atOffset(ZoneOffset.UTC))
                .askedAt(entry.createdAt.atOffset(ZoneOffset.UTC));
    }
}
