package org.learninglog.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.learninglog.api.Page;
import org.learninglog.api.contract.model.AcceptedAnswerJson;
import org.learninglog.api.contract.model.AuthorRefJson;
import org.learninglog.api.contract.model.ExpertJson;
import org.learninglog.api.contract.model.ExpertPageJson;
import org.learninglog.api.contract.model.QuestionStatusJson;
import org.learninglog.api.contract.model.SearchHitJson;
import org.learninglog.api.contract.model.SearchHitKindJson;
import org.learninglog.api.contract.model.SearchPageJson;
import org.learninglog.api.contract.model.SimilarQuestionJson;
import org.learninglog.api.contract.model.SimilarQuestionsJson;
import org.learninglog.api.contract.model.TagCountJson;
import org.learninglog.api.contract.model.TagPageJson;

/** Maps hits, similar questions, tags and experts to their wire form. */
final class SearchViews {

    private SearchViews() {
    }

    static SearchPageJson hits(Page<SearchService.Hit> page) {
        return new SearchPageJson().items(page.items().stream().map(SearchViews::of).toList())
                .nextCursor(page.nextCursor());
    }

    private static SearchHitJson of(SearchService.Hit hit) {
        boolean reply = "REPLY".equals(hit.kind());
        return new SearchHitJson()
                .kind(SearchHitKindJson.fromValue(hit.kind()))
                .entryId(hit.entryId())
                .replyId(reply ? hit.id() : null)
                .groupId(hit.groupId())
                .groupName(hit.groupName())
                .week(hit.week())
                .author(new AuthorRefJson().id(hit.authorId()).displayName(hit.authorName()))
                .excerpt(hit.excerpt())
                .tags(hit.tags())
                .questionStatus(!hit.hasQuestion() ? QuestionStatusJson.NONE
                        : hit.answered() ? QuestionStatusJson.ANSWERED : QuestionStatusJson.OPEN)
                .accepted(hit.accepted())
                .createdAt(utc(hit.createdAt()));
    }

    static SimilarQuestionsJson similar(List<GroupMemory.SimilarQuestion> questions) {
        return new SimilarQuestionsJson().items(questions.stream().map(SearchViews::of).toList());
    }

    private static SimilarQuestionJson of(GroupMemory.SimilarQuestion q) {
        return new SimilarQuestionJson()
                .entryId(q.entryId())
                .groupId(q.groupId())
                .week(q.week())
                .author(new AuthorRefJson().id(q.authorId()).displayName(q.authorName()))
                .question(q.question())
                .status(q.answered() ? QuestionStatusJson.ANSWERED : QuestionStatusJson.OPEN)
                .askedAt(utc(q.askedAt()))
                .acceptedAnswer(q.replyId() == null ? null
                        : new AcceptedAnswerJson().replyId(q.replyId())
                                .author(new AuthorRefJson().id(q.replyAuthorId()).displayName(q.replyAuthorName()))
                                .excerpt(q.replyExcerpt()));
    }

    static TagPageJson tags(Page<GroupMemory.TagCount> page) {
        return new TagPageJson()
                .items(page.items().stream().map(t -> new TagCountJson().tag(t.tag()).count(t.uses())).toList())
                .nextCursor(page.nextCursor());
    }

    static ExpertPageJson experts(Page<Experts.Expert> page) {
        return new ExpertPageJson().items(page.items().stream().map(e -> new ExpertJson()
                .member(new AuthorRefJson().id(e.memberId()).displayName(e.displayName()))
                .acceptedCount(e.acceptedCount())
                .lastAcceptedAt(utc(e.lastAcceptedAt()))
                .topics(e.topics())
                .inMyGroups(e.inMyGroups())).toList()).nextCursor(page.nextCursor());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
