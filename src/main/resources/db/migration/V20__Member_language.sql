-- member: each member's language (a BCP 47 tag the service has messages for: en, de, es, pl), which every
-- email to them is written in. Existing members get English, what every email was written in so far.
ALTER TABLE member ADD COLUMN language text NOT NULL DEFAULT 'en';

-- member: the recipient view gains the language, at the end (CREATE OR REPLACE VIEW may only add columns there).
CREATE OR REPLACE VIEW member_recipient AS
SELECT m.id AS member_id, m.display_name, m.email, m.time_zone, m.active, m.reminders, m.away_until,
       m.reply_notifications, m.language
FROM member m;

-- mail: the language an email is written in, fixed when it is enqueued (like its address), from
-- member_recipient. Rows enqueued before this version were meant to be English.
ALTER TABLE outbound_email ADD COLUMN language text NOT NULL DEFAULT 'en';
