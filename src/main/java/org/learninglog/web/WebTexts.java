package org.learninglog.web;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the web pages, in `messages/web_{language}.properties` (English in `web_en.properties`). Templates
 * use them as `{web:nav_groups}`; texts the scripts put together carry `%1`, `%2` where the script fills in.
 */
@MessageBundle(value = "web", locale = "en")
interface WebTexts {

    String lang();

    String skip();

    String nav_label();

    String nav_groups();

    String nav_questions();

    String nav_notifications();

    String nav_settings();

    String nav_admin();

    String signOut();

    String loading();

    String saved();

    String error(String detail);

    String signedOutAgain();

    String unreadCount(String count);

    String status_open();

    String status_answered();

    String late();

    String removed();

    String by(String name);

    String replies(String count);

    String openThread();

    String none();

    String optional();

    String save();

    String revoke();

    String revoked();

    String remove();

    String weekOf(String week, String group);

    String notFound_title();

    String notFound_text();

    String groups_title();

    String groups_none();

    String groups_membersLink();

    String groups_cadence(String day, String time);

    String week_pageTitle();

    String week_title(String group, String week);

    String week_navLabel();

    String week_previous();

    String week_next();

    String week_lastQuestion();

    String week_log();

    String week_counts(String posted, String members, String away);

    String week_notPosted(String names);

    String week_awayList(String names);

    String week_noEntries();

    String entry_heading();

    String entry_tried();

    String entry_failed();

    String entry_question();

    String entry_tags();

    String entry_tagsHint();

    String entry_post();

    String entry_update();

    String entry_posted();

    String entry_lateNote(String week);

    String entry_closedNote(String week);

    String entry_draftRestored();

    String entry_conflictHeading();

    String entry_conflict();

    String entry_takeTheirs();

    String entry_keepMine();

    String thread_title();

    String thread_entryBy(String name);

    String thread_follow();

    String thread_unfollow();

    String thread_followed();

    String thread_unfollowed();

    String thread_replies();

    String thread_noReplies();

    String thread_reply();

    String thread_replyLabel();

    String thread_send();

    String thread_replied();

    String thread_accept();

    String thread_reopen();

    String thread_acceptedAnswer();

    String thread_accepted();

    String thread_reopened();

    String questions_title();

    String questions_open();

    String questions_answered();

    String notifications_title();

    String notifications_markAll();

    String notifications_markRead();

    String notifications_unread();

    String notifications_allRead();

    String notification_replyOnMyEntry(String name);

    String notification_replyOnFollowed(String name);

    String notification_answerAccepted(String name);

    String someone();

    String settings_title();

    String settings_profile();

    String settings_name();

    String settings_timeZone();

    String settings_language();

    String settings_emails();

    String settings_reminders();

    String settings_replyEmails();

    String settings_questionEmails();

    String settings_shareExpertise();

    String settings_immediate();

    String settings_digest();

    String settings_off();

    String settings_awayUntil();

    String settings_awayHint();

    String tokens_title();

    String tokens_intro();

    String tokens_name();

    String tokens_create();

    String tokens_once();

    String tokens_created();

    String tokens_prefix(String prefix, String date);

    String sessions_title();

    String sessions_this();

    String sessions_lastSeen(String date);

    String sessions_revokeOthers();

    String members_title();

    String members_toWeek();

    String members_cadence();

    String members_logDay();

    String members_reminderTime();

    String members_followUpDay();

    String members_followUpTime();

    String members_list();

    String members_addByEmail();

    String members_add();

    String role_facilitator();

    String role_member();

    String role_admin();

    String admin_title();

    String admin_members();

    String admin_invite();

    String admin_email();

    String admin_inviteButton();

    String admin_invited();

    String admin_deactivate();

    String admin_inactive();

    String admin_groups();

    String admin_moreMembers();

    String admin_moreGroups();

    String admin_groupName();

    String admin_createGroup();

    String admin_preview();

    String admin_previewAt();

    String admin_previewButton();

    String day_monday();

    String day_tuesday();

    String day_wednesday();

    String day_thursday();

    String day_friday();

    String day_saturday();

    String day_sunday();

    String outcome_remind();

    String outcome_inactive();

    String outcome_optedOut();

    String outcome_posted();

    String outcome_away();

    String outcome_notYet();

    String outcome_alreadySent();

    String nav_search();

    String notification_questionAsked(String name);

    String notification_outcomeReported(String name);

    String notification_expertSuggested(String name);

    String notification_other();

    String notification_inGroup(String group);

    String entry_outcome();

    String entry_outcomeNotSaid();

    String entry_outcomeNote();

    String entryOutcome_worked();

    String entryOutcome_partly();

    String entryOutcome_didNotWork();

    String entryOutcome_notTriedYet();

    String similar_heading();

    String similar_found(String count);

    String similar_asked(String name, String week);

    String search_title();

    String search_label();

    String search_submit();

    String search_more();

    String search_nothing();

    String search_found(String query);

    String insights_link();

    String insights_title();

    String insights_heading(String group);

    String insights_week();

    String insights_postingRate();

    String insights_medianFirstReply();

    String insights_chart();

    String insights_replyChart();

    String insights_withinHour();

    String insights_underMinute();

    String insights_minutes(String count);

    String insights_hours(String count);

    String insights_noFigure();
}
