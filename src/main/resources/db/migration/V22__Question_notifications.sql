-- member: whether and how a member hears by email of new questions in their groups (the in-app notification
-- comes in any case). The daily digest by default: a busy log day is one email, not twelve.
ALTER TABLE member ADD COLUMN question_notifications varchar(16) NOT NULL DEFAULT 'DAILY_DIGEST'
    CHECK (question_notifications IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF'));

-- member: the recipient view gains the preference, at the end (CREATE OR REPLACE VIEW may only add columns there).
CREATE OR REPLACE VIEW member_recipient AS
SELECT m.id AS member_id, m.display_name, m.email, m.time_zone, m.active, m.reminders, m.away_until,
       m.reply_notifications, m.language, m.question_notifications
FROM member m;

-- notification: a member hears of a question once, however often the entry is saved or by however many
-- requests at once (INSERT … ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX notification_question_once_idx ON notification (member_id, entry_id)
    WHERE kind = 'QUESTION_ASKED';

-- thread: a reply's text, which in-app notifications show an excerpt of.
CREATE VIEW reply_text AS
SELECT r.id AS reply_id, r.body
FROM reply r;
