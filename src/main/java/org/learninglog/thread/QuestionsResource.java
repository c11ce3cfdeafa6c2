package org.learninglog.thread;

import java.util.Locale;
import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.Problems;
import org.learninglog.api.contract.QuestionsApi;
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
    public Response listQuestions(String status, UUID groupId, String q, String tag, String sort, Integer limit,
            String cursor) {
        var page = questions.list(current.actor(),
                status == null ? null : choice("status", status, QuestionService.Status.class),
                groupId, q, tag,
                sort == null ? QuestionService.Sort.NEWEST : choice("sort", sort, QuestionService.Sort.class),
                limit, cursor);
        return Response.ok(ThreadViews.questions(page)).build();
    }

    private static <E extends Enum<E>> E choice(String parameter, String value, Class<E> choices) {
        for (E choice : choices.getEnumConstants()) {
            if (choice.name().toLowerCase(Locale.ROOT).equals(value)) {
                return choice;
            }
        }
        throw Problems.invalid(parameter, "must be one of " + java.util.Arrays.stream(choices.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}
