-- inbound: every email received (by the raw-message endpoint or the IMAP poller), once per Message-ID, kept with
-- what became of it. The raw message is kept until it was processed, so nothing is lost.
CREATE TABLE inbound_message (
    id           uuid          PRIMARY KEY,
    message_id   varchar(998)  NOT NULL,
    source       varchar(16)   NOT NULL CHECK (source IN ('ENDPOINT', 'IMAP')),
    from_address varchar(320),
    status       varchar(16)   NOT NULL CHECK (status IN ('RECEIVED', 'POSTED', 'IGNORED', 'REJECTED', 'FAILED')),
    reason       varchar(2000),
    member_id    uuid          REFERENCES member (id),
    entry_id     uuid,
    reply_id     uuid,
    raw          bytea,
    received_at  timestamptz   NOT NULL,
    processed_at timestamptz,
    CONSTRAINT inbound_message_message_id UNIQUE (message_id)
);
-- The administrators' list, newest first.
CREATE INDEX inbound_message_received_idx ON inbound_message (received_at DESC, id DESC);

-- entry: how the advice on last week's question worked out, told in this week's entry.
ALTER TABLE entry ADD COLUMN outcome varchar(16)
    CHECK (outcome IN ('WORKED', 'PARTLY', 'DID_NOT_WORK', 'NOT_TRIED_YET'));
ALTER TABLE entry ADD COLUMN outcome_note varchar(500);
-- The entry whose question the outcome is about (the member's entry of the week before), when there was one.
ALTER TABLE entry ADD COLUMN outcome_of uuid REFERENCES entry (id) ON DELETE SET NULL;

-- entry: entry_question has every column of entry (see V12); the new ones at the end.
CREATE OR REPLACE VIEW entry_question AS
SELECT e.id, e.group_id, e.member_id, e.week, e.tried, e.failed, e.question, e.tags, e.late, e.deleted_at,
       e.reply_count, e.first_reply_at, e.accepted_reply_id, e.created_at, e.updated_at, e.version, e.nudged_at,
       e.outcome, e.outcome_note, e.outcome_of
FROM entry e
WHERE e.question IS NOT NULL AND e.deleted_at IS NULL;

-- entry: the thread head gains the outcome's note (what an OUTCOME_REPORTED notification shows), at the end.
CREATE OR REPLACE VIEW entry_thread AS
SELECT e.id AS entry_id, e.group_id, e.member_id AS author_id, e.question, e.outcome_note
FROM entry e;

-- entry: posted entries gain their id and accepted answer, for the reminder's look back at last week's question.
CREATE OR REPLACE VIEW entry_posted AS
SELECT e.group_id, e.member_id, e.week, e.question, e.accepted_reply_id IS NOT NULL AS answered, e.id AS entry_id,
       e.accepted_reply_id
FROM entry e
WHERE e.deleted_at IS NULL;

-- thread: the replies of each thread with their authors, for the reminder's look back at last week's question.
CREATE VIEW thread_reply AS
SELECT r.id AS reply_id, r.entry_id, r.member_id AS author_id, r.body, r.created_at
FROM reply r;
