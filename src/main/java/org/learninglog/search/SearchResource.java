package org.learninglog.search;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.learninglog.api.Problems;
import org.learninglog.api.contract.SearchApi;
import org.learninglog.api.contract.model.QuestionStatusJson;
import org.learninglog.identity.CurrentMember;

import io.quarkus.security.Authenticated;

@Authenticated
class SearchResource implements SearchApi {

    private final SearchService search;
    private final GroupMemory memory;
    private final Experts experts;
    private final CurrentMember current;

    SearchResource(SearchService search, GroupMemory memory, Experts experts, CurrentMember current) {
        this.search = search;
        this.memory = memory;
        this.experts = experts;
        this.current = current;
    }

    @Override
    public Response search(String q, UUID groupId, String tag, UUID author, QuestionStatusJson status, String from,
            String to,
            Integer limit, String cursor) {
        var filters = new SearchService.Filters(groupId, tag, author,
                status == null ? null : status(status),
                SearchQuery.week("from", from).orElse(null), SearchQuery.week("to", to).orElse(null));
        return Response.ok(SearchViews.hits(search.search(current.actor(), q, filters, limit, cursor))).build();
    }

    @Override
    public Response listSimilarQuestions(UUID groupId, String text, Integer limit) {
        return Response.ok(SearchViews.similar(memory.similar(current.actor(), groupId, text, limit))).build();
    }

    @Override
    public Response listGroupTags(UUID groupId, Integer limit, String cursor) {
        return Response.ok(SearchViews.tags(memory.tags(current.actor(), groupId, limit, cursor))).build();
    }

    @Override
    public Response listExperts(String topic, Integer limit, String cursor) {
        return Response.ok(SearchViews.experts(experts.find(current.actor(), topic, limit, cursor))).build();
    }

    /** Search filters questions by their state, so `NONE` is not a filter here. */
    private static SearchService.Status status(QuestionStatusJson status) {
        return switch (status) {
            case OPEN -> SearchService.Status.OPEN;
            case ANSWERED -> SearchService.Status.ANSWERED;
            default -> throw Problems.invalid("status", "must be one of [OPEN, ANSWERED]");
        };
    }
}
