-- Personal data (decisions 97-99).
-- member: when the member's personal data was erased; an erased member is deactivated for good.
ALTER TABLE member ADD COLUMN erased_at timestamptz;
ALTER TABLE member ADD CONSTRAINT member_erased_inactive CHECK (erased_at IS NULL OR NOT active);

-- member: an erased member is nobody's recipient any more, so no feature can ever enqueue an email to them
-- (the outbox joins this view). Same columns, in the same order.
CREATE OR REPLACE VIEW member_recipient AS
SELECT m.id AS member_id, m.display_name, m.email, m.time_zone, m.active, m.reminders, m.away_until,
       m.reply_notifications, m.language, m.question_notifications
FROM member m
WHERE m.erased_at IS NULL;

-- personaldata: who did what to whom, and when; ids only, never the data acted on (an erasure keeps no trace of
-- what it erased). No foreign keys: the record outlives what it names.
CREATE TABLE audit_record (
    id         uuid PRIMARY KEY,
    action     varchar(32) NOT NULL,
    actor_id   uuid        NOT NULL,
    subject_id uuid        NOT NULL,
    detail     varchar(200),
    created_at timestamptz NOT NULL
);
CREATE INDEX audit_record_subject_idx ON audit_record (subject_id, created_at);
