package org.learninglog.thread;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.AcceptedAnswerJson;
import org.learninglog.api.contract.model.AuthorRefJson;
import org.learninglog.api.contract.model.QuestionJson;
import org.learninglog.api.contract.model.QuestionPageJson;
import org.learninglog.api.contract.model.QuestionStatusJson;
import org.learninglog.api.contract.model.ReplyJson;
import org.learninglog.api.contract.model.ReplyPageJson;

/** Maps replies and questions to their wire form. */
final class ThreadViews {

    private ThreadViews() {
    }

    static ReplyJson of(ReplyView reply) {
        return new ReplyJson()
                .id(reply.id())
                .version(reply.version())
                .entryId(reply.entryId())
                .author(new AuthorRefJson().id(reply.authorId()).displayName(reply.authorName()))
                .body(reply.body())
                .accepted(reply.accepted())
                .createdAt(utc(reply.createdAt()))
                .editedAt(utc(reply.editedAt()));
    }

    static ReplyPageJson page(Page<ReplyView> page) {
        return new ReplyPageJson().items(page.items().stream().map(ThreadViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    static QuestionPageJson questions(Page<QuestionService.Question> page) {
        return new QuestionPageJson().items(page.items().stream().map(ThreadViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    private static QuestionJson of(QuestionService.Question question) {
        return new QuestionJson()
                .entryId(question.entryId())
                .groupId(question.groupId())
                .groupName(question.groupName())
                .week(question.week())
                .author(new AuthorRefJson().id(question.authorId()).displayName(question.authorName()))
                .question(question.question())
                .status(question.answered() ? QuestionStatusJson.ANSWERED : QuestionStatusJson.OPEN)
                .replyCount(question.replyCount())
                .firstReplyAt(utc(question.firstReplyAt()))
                .askedAt(utc(question.askedAt()))
                .tags(question.tags())
                .acceptedAnswer(question.answerId() == null ? null
                        : new AcceptedAnswerJson().replyId(question.answerId())
                                .author(new AuthorRefJson().id(question.answerAuthorId())
                                        .displayName(question.answerAuthorName()))
                                .excerpt(question.answerExcerpt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
