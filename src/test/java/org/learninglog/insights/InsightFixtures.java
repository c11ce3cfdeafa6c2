package org.learninglog.insights;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.learninglog.Api;

/** What the insights tests set up beyond {@link org.learninglog.TestData}: posts, replies, away dates, languages. */
@ApplicationScoped
public class InsightFixtures {

    private final EntityManager entityManager;

    InsightFixtures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public void awayUntil(UUID memberId, LocalDate firstDayBack) {
        entityManager.createNativeQuery("UPDATE member SET away_until = :day WHERE id = :id")
                .setParameter("day", firstDayBack).setParameter("id", memberId).executeUpdate();
    }

    @Transactional
    public void language(UUID memberId, String language) {
        entityManager.createNativeQuery("UPDATE member SET language = :language WHERE id = :id")
                .setParameter("language", language).setParameter("id", memberId).executeUpdate();
    }

    @Transactional
    public long nudges(UUID groupId, UUID memberId) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM member_nudge WHERE group_id = :g AND member_id = :m")
                .setParameter("g", groupId).setParameter("m", memberId).getSingleResult()).longValue();
    }

    @Transactional
    public long outbox(String dedupeKeyPrefix) {
        return ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbound_email WHERE dedupe_key LIKE :prefix")
                .setParameter("prefix", dedupeKeyPrefix + "%").getSingleResult()).longValue();
    }

    /** The member posts for the week through the API, at the clock's time; the entry's id. */
    public static String post(String token, UUID groupId, String week, String question) {
        return post(token, groupId, week, question, null);
    }

    /** The member posts for the week, telling how the advice on their question of the week before worked out. */
    public static String post(String token, UUID groupId, String week, String question, String outcome) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("tried", "Tried a thing", "failed", "It failed"));
        if (question != null) {
            body.put("question", question);
        }
        if (outcome != null) {
            body.put("outcome", outcome);
        }
        return Api.as(token).body(body).put("/api/v1/groups/{g}/weeks/{w}/entries/me", groupId, week)
                .then().statusCode(201).extract().path("id");
    }

    /** The member replies in the entry's thread through the API, at the clock's time; the reply's id. */
    public static String reply(String token, String entryId, String body) {
        return Api.as(token).body(Map.of("body", body)).post("/api/v1/entries/{e}/replies", entryId)
                .then().statusCode(201).extract().path("id");
    }

    public static void accept(String token, String entryId, String replyId) {
        Api.as(token).body(Map.of("replyId", replyId)).put("/api/v1/entries/{e}/answer", entryId)
                .then().statusCode(200);
    }
}
