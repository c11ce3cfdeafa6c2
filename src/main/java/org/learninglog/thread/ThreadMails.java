package org.learninglog.thread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.mail.ComposedMail;
import org.learninglog.mail.MailComposer;
import org.learninglog.mail.OutboundEmail;
import org.learninglog.mail.PublicLinks;
import org.learninglog.mail.UnsubscribeTokens;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders thread emails: replies to one thread, the daily digest, and the unanswered-question nudge. */
@ApplicationScoped
class ThreadMails implements MailComposer {

    /** One notification as {@link ThreadMailJob} snapshots it. */
    record Item(UUID entryId, String groupName, String question, String authorName, String kind, String actorName,
            String body, String at) {
    }

    /** A question nobody has answered yet, as the job snapshots it. */
    record Unanswered(UUID entryId, String groupName, String question, String authorName, String week) {
    }

    /** What happened in one thread. */
    record ThreadView(String groupName, String question, String authorName, String url, List<Line> lines) {
    }

    /** "Ana replied:" and what she wrote. */
    record Line(String what, String body) {
    }

    record Footer(String unsubscribeUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(ThreadView thread, Footer footer);

        static native TemplateInstance digest(String day, List<ThreadView> threads, Footer footer);

        static native TemplateInstance unanswered(Unanswered question, String url, Footer footer);
    }

    private final ObjectReader items;
    private final ObjectReader unanswered;
    private final PublicLinks links;
    private final UnsubscribeTokens unsubscribeTokens;

    ThreadMails(ObjectMapper json, PublicLinks links, UnsubscribeTokens unsubscribeTokens) {
        this.items = json.readerForListOf(Item.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.unanswered = json.readerFor(Unanswered.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.links = links;
        this.unsubscribeTokens = unsubscribeTokens;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ThreadMailJob.ACTIVITY, ThreadMailJob.DIGEST, ThreadMailJob.UNANSWERED);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        String unsubscribeUrl = unsubscribeTokens.link(email.recipientMemberId(), UnsubscribeTokens.REPLIES);
        Footer footer = new Footer(unsubscribeUrl);
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        JsonNode data = email.data();
        try {
            switch (email.kind()) {
                case ThreadMailJob.ACTIVITY -> {
                    ThreadView thread = threads(items.readValue(data.get("items"))).get(0);
                    int replies = (int) thread.lines().stream().filter(l -> l.body() != null).count();
                    String subject = thread.groupName() + ": " + (replies == 1 ? "a new reply" : replies + " new replies")
                            + " to \"" + shorten(thread.question()) + "\"";
                    return ComposedMail.of(subject, () -> Templates.activity(thread, footer), headers);
                }
                case ThreadMailJob.DIGEST -> {
                    List<ThreadView> threads = threads(items.readValue(data.get("items")));
                    String day = data.get("day").asText();
                    return ComposedMail.of("Learning Log: activity in your threads, " + day,
                            () -> Templates.digest(day, threads, footer), headers);
                }
                default -> {
                    Unanswered question = unanswered.readValue(data);
                    String url = links.to("/entries/" + question.entryId());
                    return ComposedMail.of(question.groupName() + ": " + question.authorName() + " is still waiting for an answer",
                            () -> Templates.unanswered(question, url, footer), headers);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Thread email data cannot be read", e);
        }
    }

    /** Groups notifications by thread, in the order they came. */
    private List<ThreadView> threads(List<Item> all) {
        Map<UUID, List<Item>> byEntry = new LinkedHashMap<>();
        all.forEach(item -> byEntry.computeIfAbsent(item.entryId(), id -> new ArrayList<>()).add(item));
        return byEntry.values().stream().map(group -> {
            Item first = group.get(0);
            List<Line> lines = group.stream().map(item -> "ANSWER_ACCEPTED".equals(item.kind())
                    ? new Line(item.actorName() + " accepted your reply as the answer", null)
                    : new Line(item.actorName() + " replied", item.body())).toList();
            return new ThreadView(first.groupName(), first.question(), first.authorName(),
                    links.to("/entries/" + first.entryId()), lines);
        }).toList();
    }

    private static String shorten(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }
}
