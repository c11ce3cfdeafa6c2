-- What a feature lets other features read of its tables. Each feature writes SQL against its own tables only;
-- another feature reads through a view below, defined and owned by the feature whose tables it reads, or asks
-- through that feature's Java methods. A view is the owner's promise: its columns stay while the tables behind
-- it change. Views are inlined by the planner, so the indexes of the tables behind them still serve.
-- Owners: member (member_*), group (group_*), entry (entry_*), mail (mail_*), notification (notification_*).

-- member: members as the emails they get address them: name, address, time zone, whether they are active,
-- and what they want to receive. The outbox takes the address from here when it enqueues; reminders, thread
-- emails and notifications take the preferences.
CREATE VIEW member_recipient AS
SELECT m.id AS member_id, m.display_name, m.email, m.time_zone, m.active, m.reminders, m.away_until,
       m.reply_notifications
FROM member m;

-- member: the name a member is shown by to others (the author of a question, who replied).
CREATE VIEW member_name AS
SELECT m.id AS member_id, m.display_name
FROM member m;

-- group: every group by the name it is shown by, and whether it is archived.
CREATE VIEW group_directory AS
SELECT g.id AS group_id, g.name, g.archived
FROM learning_group g;

-- group: who belongs to which group, archived or not (the role stays the group's business).
CREATE VIEW group_membership AS
SELECT ms.group_id, ms.member_id
FROM membership ms;

-- group: the memberships of open (not archived) groups with the group's name and weekly cadence; whom the
-- log-day reminders, their follow-ups and the nudges about unanswered questions address.
CREATE VIEW group_open_membership AS
SELECT ms.group_id, g.name AS group_name, ms.member_id, g.log_day, g.reminder_time, g.follow_up_day,
       g.follow_up_time
FROM membership ms
JOIN learning_group g ON g.id = ms.group_id
WHERE NOT g.archived;

-- entry: the entries members posted and did not delete, one per group, member and week, with the question
-- asked in it and whether it has an accepted answer (has the member posted this week, what did they ask).
CREATE VIEW entry_posted AS
SELECT e.group_id, e.member_id, e.week, e.question, e.accepted_reply_id IS NOT NULL AS answered
FROM entry e
WHERE e.deleted_at IS NULL;

-- entry: the questions asked and not deleted, for the questions feed and the nudge about a question nobody
-- answered. It has every column of entry, under the same names, so that the entry feature's Entry maps onto
-- it; a column added to entry must be added here too (CREATE OR REPLACE VIEW, at the end).
CREATE VIEW entry_question AS
SELECT e.id, e.group_id, e.member_id, e.week, e.tried, e.failed, e.question, e.tags, e.late, e.deleted_at,
       e.reply_count, e.first_reply_at, e.accepted_reply_id, e.created_at, e.updated_at, e.version, e.nudged_at
FROM entry e
WHERE e.question IS NOT NULL AND e.deleted_at IS NULL;

-- entry: every entry, removed ones too, as the head of its thread: the group, its author and its question
-- (null when it asks none or was removed); what emails about the thread show.
CREATE VIEW entry_thread AS
SELECT e.id AS entry_id, e.group_id, e.member_id AS author_id, e.question
FROM entry e;

-- mail: the dedupe key of every email ever enqueued, whatever became of it. A feature that selects many
-- candidate emails at once (the reminder scan) leaves out those enqueued already before it builds them.
CREATE VIEW mail_enqueued AS
SELECT o.dedupe_key
FROM outbound_email o;

-- notification: the notifications not yet dealt with by email, which the thread emails are made of.
CREATE VIEW notification_unmailed AS
SELECT n.id AS notification_id, n.member_id, n.kind, n.entry_id, n.reply_id, n.actor_id, n.created_at
FROM notification n
WHERE n.email_handled_at IS NULL;
