package org.learninglog.mail;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the emails and of the pages their links open, in each member's language. The texts live in
 * `messages/msg_{language}.properties`, one file per language (English, the default, in `msg_en.properties`),
 * so adding a language is adding a file. Templates use them as `{msg:reminder_write}`, with the template
 * instance's locale; Java code through {@link MailTexts#of(java.util.Locale)}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    // Dates, as DateTimeFormatter patterns: the day alone, day and month, the full date, weekday and date.
    String format_day();

    String format_dayMonth();

    String format_date();

    String format_weekdayDate();

    String greeting(String name);

    String footer_unsubscribeReminders();

    String footer_unsubscribeThreads();

    String reminder_subject(String groupName, String week);

    String reminder_intro(String groupName, String week, String weekDates);

    String reminder_write();

    String reminder_lastAsked();

    String reminder_answered();

    String reminder_notAnswered();

    String reminder_why(String groupName);

    String followUp_subject(String groupName, String week);

    String followUp_intro(String groupName, String week, String weekDates);

    String followUp_answered();

    String followUp_notAnswered();

    String thread_activityTitle();

    String thread_asked(String authorName);

    String thread_replied(String actorName);

    String thread_accepted(String actorName);

    String thread_open();

    String thread_more(int count);

    String thread_readRest();

    String thread_subjectOneReply(String groupName, String question);

    String thread_subjectReplies(String groupName, int replies, String question);

    String thread_why();

    String digest_subject(String day);

    String digest_title();

    String digest_intro(String day);

    String digest_why();

    String digest_moreThreads(int count);

    String unanswered_subject(String groupName, String authorName);

    String unanswered_title();

    String unanswered_intro(String authorName, String groupName, String week);

    String unanswered_help();

    String unanswered_answer(String authorName);

    String unanswered_why(String groupName);

    String unsubscribe_emails_reminders();

    String unsubscribe_emails_replies();

    String unsubscribe_confirmTitle(String emails);

    String unsubscribe_confirmHeading(String emails);

    String unsubscribe_confirmText(String name, String emails);

    String unsubscribe_confirmButton(String emails);

    String unsubscribe_doneTitle(String emails);

    String unsubscribe_doneHeading();

    String unsubscribe_doneText(String name, String emails);

    String unsubscribe_doneHow();

    String unsubscribe_settingsLink();

    String unsubscribe_invalidTitle();

    String unsubscribe_invalidHeading();

    String unsubscribe_invalidText();

    String invitation_subject();

    String invitation_intro();

    String invitation_about();

    String invitation_signInHint(String email);

    String invitation_signIn();

    String invitation_sentOn(String date);

    String invitation_why();

    String addedToGroup_subject(String groupName);

    String addedToGroup_intro(String groupName);

    String addedToGroup_purpose();

    String addedToGroup_logDay(String logDay, String time, String nextDate);

    String addedToGroup_how();

    String addedToGroup_why(String groupName);

    // For the sign-in by emailed link (issue 11, item 2): the email and the pages its link opens.
    String signIn_subject();

    String signIn_intro();

    String signIn_button();

    String signIn_expires(int minutes);

    String signIn_ignore();

    String signInPage_title();

    String signInPage_emailLabel();

    String signInPage_send();

    String signInPage_sent();

    String signInLink_used();

    String signInLink_expired();

    String signInLink_invalid();

    String signInLink_newLink();

    String page_lang();

    String signInPage_intro();

    String signInPage_invalid();

    String signInPage_sentTitle();

    String signInPage_sentBody(String email, long minutes);

    String signInPage_noEmail();

    String signInPage_another();

    String signInPage_tooManyTitle();

    String signInPage_tooManyBody(long minutes);

    String signInPage_confirm();

    String signInLink_goneTitle();

    String signInLink_goneBody();

    String signInLink_invalidBody();

    String signInLink_crossSiteTitle();

    String signInLink_crossSiteBody();

    String signOutPage_title();

    String signOutPage_button();

    String signOutPage_done();

    String signOutPage_again();

    String nudge_subject(String facilitatorName, String groupName);

    String nudge_intro(String facilitatorName, String groupName, String week, String weekDates);

    String nudge_why(String facilitatorName, String groupName);
    // Issue 13: new questions, replies by email, the loop closed.

    String unsubscribe_emails_questions();

    String footer_unsubscribeQuestions();

    String thread_newQuestion();

    String questions_subjectOne(String groupName, String authorName, String question);

    String questions_subjectMany(int count);

    String questions_title();

    String questions_intro();

    String questions_why();

    String reply_headingTried();

    String reply_headingFailed();

    String reply_headingQuestion();

    String reminder_replyHint();

    String inbound_attachmentsDropped(int count);

    String refused_subject();

    String refused_notInGroup(String groupName);

    String refused_format(String groupName, String week);

    String refused_several();

    String refused_open();

    String outcome_worked();

    String outcome_partly();

    String outcome_didNotWork();

    String outcome_notTriedYet();

    String outcomeMail_subject(String askerName, String result);

    String outcomeMail_intro(String askerName, String groupName);

    String outcomeMail_yourAnswer();

    String reminder_replies();

    String reminder_acceptedAnswer(String authorName);

    String reminder_replyBy(String authorName);

    String reminder_howDidItGo();

    // A webhook endpoint disabled after failing (the webhook feature's email to the group's facilitators).
    String webhookDisabled_subject(String groupName);

    String webhookDisabled_intro(String groupName, String url, int failures);

    String webhookDisabled_lastError(String error);

    String webhookDisabled_enable();

    String webhookDisabled_why(String groupName);
}
