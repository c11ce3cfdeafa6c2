package org.learninglog.thread;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.Problems;
import org.learninglog.api.contract.QuestionsApi;
import org.learninglog.api.contract.model.QuestionSortJson;
import org.learninglog.api.contract.model.QuestionStatusJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class QuestionsResource implements QuestionsApi {

    private final QuestionService questions;
    private final CurrentMember current;

    QuestionsResource(QuestionService questions, CurrentMember current) {
        this.questions = questions;
        this.current = current;
    }

    @Override
    public Response listQuestions(QuestionStatusJson status, UUID groupId, String q, String tag,
            QuestionSortJson sort, Integer limit, String cursor) {
        var page = questions.list(current.actor(), status == null ? null : feedStatus(status), groupId, q, tag,
                sort == QuestionSortJson.WAITING ? QuestionService.Sort.WAITING : QuestionService.Sort.NEWEST,
                limit, cursor);
        return Response.ok(ThreadViews.questions(page)).build();
    }

    /** The feed lists questions only, so `NONE` filters nothing in it. */
    private static QuestionService.Status feedStatus(QuestionStatusJson status) {
        return switch (status) {
            case OPEN -> QuestionService.Status.OPEN;
            case ANSWERED -> QuestionService.Status.ANSWERED;
            default -> throw Problems.invalid("status", "must be one of [OPEN, ANSWERED]");
        };
    }
}
