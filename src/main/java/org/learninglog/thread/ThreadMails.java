package org.learninglog.thread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.learninglog.mail.ComposedMail;
import org.learninglog.mail.MailComposer;
import org.learninglog.mail.MailKind;
import org.learninglog.mail.MailTexts;
import org.learninglog.mail.OutboundEmail;
import org.learninglog.mail.PublicLinks;
import org.learninglog.mail.ReplyTarget;
import org.learninglog.mail.UnsubscribeTokens;
import org.learninglog.thread.ThreadMailData.Digest;
import org.learninglog.thread.ThreadMailData.Item;
import org.learninglog.thread.ThreadMailData.Unanswered;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Renders thread emails: replies to one thread, the daily digest, and the unanswered-question nudge. */
@ApplicationScoped
class ThreadMails implements MailComposer {

    /**
     * What happened in one thread.
     *
     * @param moreLines what happened too but is left out of the email (see {@link #MAX_THREAD_TEXT}), for the link
     */
    record ThreadView(String groupName, String question, String authorName, String url, List<Line> lines,
            int moreLines) {
    }

    /** Code points of reply text one thread shows in an email, beyond its first reply; the rest is a link away. */
    static final int MAX_THREAD_TEXT = 8_000;
    /** Threads one digest shows; the rest are counted. */
    static final int MAX_DIGEST_THREADS = 10;

    /** "Ana replied:" and what she wrote. */
    record Line(String what, String body) {
    }

    /** The unsubscribe link, and the language the email is in. */
    record Footer(String unsubscribeUrl, String language) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance activity(ThreadView thread, Footer footer);

        static native TemplateInstance digest(String day, List<ThreadView> threads, int moreThreads, Footer footer);

        static native TemplateInstance unanswered(Unanswered question, String url, Footer footer);

        static native TemplateInstance questions(List<ThreadView> questions, Footer footer);

        static native TemplateInstance outcome(ThreadMailData.Outcome told, String result, String url, Footer footer);
    }

    private final PublicLinks links;
    private final UnsubscribeTokens unsubscribeTokens;

    ThreadMails(PublicLinks links, UnsubscribeTokens unsubscribeTokens) {
        this.links = links;
        this.unsubscribeTokens = unsubscribeTokens;
    }

    @Override
    public Set<MailKind<?>> kinds() {
        return Set.of(ThreadMailData.ACTIVITY, ThreadMailData.DIGEST, ThreadMailData.UNANSWERED,
                ThreadMailData.QUESTIONS, ThreadMailData.OUTCOME);
    }

    @Override
    public ComposedMail compose(OutboundEmail email) {
        MailTexts texts = MailTexts.of(email.locale());
        boolean questions = ThreadMailData.QUESTIONS.name().equals(email.kind());
        String unsubscribeUrl = unsubscribeTokens.link(email.recipientMemberId(),
                questions ? UnsubscribeTokens.QUESTIONS : UnsubscribeTokens.REPLIES);
        Footer footer = new Footer(unsubscribeUrl, texts.locale().toLanguageTag());
        Map<String, String> headers = Map.of(
                "List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        Function<UUID, String> threadUrl = entryId -> links.to(threadPath(entryId));
        if (ThreadMailData.OUTCOME.name().equals(email.kind())) {
            ThreadMailData.Outcome told = email.data(ThreadMailData.OUTCOME);
            String result = switch (told.outcome()) {
                case "WORKED" -> texts.msg().outcome_worked();
                case "PARTLY" -> texts.msg().outcome_partly();
                case "DID_NOT_WORK" -> texts.msg().outcome_didNotWork();
                default -> texts.msg().outcome_notTriedYet();
            };
            String url = threadUrl.apply(told.entryId());
            return ComposedMail.of(texts.msg().outcomeMail_subject(told.askerName(), result),
                    () -> Templates.outcome(told, result, url, footer), headers, texts);
        }
        if (questions) {
            List<ThreadView> asked = threads(texts, email.data(ThreadMailData.QUESTIONS).items(), threadUrl);
            return ComposedMail.of(subject(texts, asked), () -> Templates.questions(asked, footer), headers, texts);
        }
        if (ThreadMailData.ACTIVITY.name().equals(email.kind())) {
            ThreadView thread = threads(texts, email.data(ThreadMailData.ACTIVITY).items(), threadUrl).get(0);
            return ComposedMail.of(subject(texts, thread), () -> Templates.activity(thread, footer), headers, texts);
        }
        if (ThreadMailData.DIGEST.name().equals(email.kind())) {
            Digest digest = email.data(ThreadMailData.DIGEST);
            List<ThreadView> all = threads(texts, digest.items(), threadUrl);
            List<ThreadView> shown = all.subList(0, Math.min(all.size(), MAX_DIGEST_THREADS));
            String day = texts.date(digest.day());
            return ComposedMail.of(subject(texts, digest),
                    () -> Templates.digest(day, shown, all.size() - shown.size(), footer), headers, texts);
        }
        Unanswered question = email.data(ThreadMailData.UNANSWERED);
        String url = threadUrl.apply(question.entryId());
        return ComposedMail.of(subject(texts, question), () -> Templates.unanswered(question, url, footer), headers,
                texts);
    }

    /** A reply by email answers the email's one thread; a digest or question email of several names none. */
    @Override
    public Optional<ReplyTarget> replyTarget(OutboundEmail email) {
        List<UUID> entries;
        if (ThreadMailData.OUTCOME.name().equals(email.kind())) {
            return Optional.empty();
        }
        if (ThreadMailData.UNANSWERED.name().equals(email.kind())) {
            entries = List.of(email.data(ThreadMailData.UNANSWERED).entryId());
        } else if (ThreadMailData.ACTIVITY.name().equals(email.kind())) {
            entries = email.data(ThreadMailData.ACTIVITY).items().stream().map(Item::entryId).distinct().toList();
        } else if (ThreadMailData.QUESTIONS.name().equals(email.kind())) {
            entries = email.data(ThreadMailData.QUESTIONS).items().stream().map(Item::entryId).distinct().toList();
        } else {
            entries = email.data(ThreadMailData.DIGEST).items().stream().map(Item::entryId).distinct().toList();
        }
        return Optional.of(entries.size() == 1 ? new ReplyTarget.Thread(entries.get(0)) : new ReplyTarget.Several());
    }

    static String threadPath(UUID entryId) {
        return "/entries/" + entryId;
    }

    /** Of a thread email (ACTIVITY): how many replies, to which question. */
    static String subject(MailTexts texts, ThreadView thread) {
        int replies = (int) thread.lines().stream().filter(l -> l.body() != null).count() + thread.moreLines();
        return replies == 1 ? texts.msg().thread_subjectOneReply(thread.groupName(), shorten(thread.question()))
                : texts.msg().thread_subjectReplies(thread.groupName(), replies, shorten(thread.question()));
    }

    /** Of a question email: the one question, or how many. */
    static String subject(MailTexts texts, List<ThreadView> questions) {
        ThreadView first = questions.get(0);
        return questions.size() == 1
                ? texts.msg().questions_subjectOne(first.groupName(), first.authorName(), shorten(first.question()))
                : texts.msg().questions_subjectMany(questions.size());
    }

    static String subject(MailTexts texts, Digest digest) {
        return texts.msg().digest_subject(texts.date(digest.day()));
    }

    static String subject(MailTexts texts, Unanswered question) {
        return texts.msg().unanswered_subject(question.groupName(), question.authorName());
    }

    /** Groups notifications by thread, in the order they came. */
    static List<ThreadView> threads(MailTexts texts, List<Item> all, Function<UUID, String> threadUrl) {
        Map<UUID, List<Item>> byEntry = new LinkedHashMap<>();
        all.forEach(item -> byEntry.computeIfAbsent(item.entryId(), id -> new ArrayList<>()).add(item));
        return byEntry.values().stream().map(group -> {
            Item first = group.get(0);
            List<Line> lines = new ArrayList<>();
            int text = 0;
            for (Item item : group) {
                Line line = switch (item.kind()) {
                    case ANSWER_ACCEPTED -> new Line(texts.msg().thread_accepted(item.actorName()), null);
                    case QUESTION_ASKED -> new Line(texts.msg().thread_newQuestion(), null);
                    default -> new Line(texts.msg().thread_replied(item.actorName()), item.body());
                };
                text += line.body() == null ? 0 : line.body().codePointCount(0, line.body().length());
                if (!lines.isEmpty() && text > MAX_THREAD_TEXT) {
                    break;
                }
                lines.add(line);
            }
            return new ThreadView(first.groupName(), first.question(), first.authorName(),
                    threadUrl.apply(first.entryId()), List.copyOf(lines), group.size() - lines.size());
        }).toList();
    }

    static String shorten(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        // By code points, so an emoji or another character beyond U+FFFF is never split in half.
        return line.codePointCount(0, line.length()) <= 60 ? line
                : line.substring(0, line.offsetByCodePoints(0, 57)) + "...";
    }
}
