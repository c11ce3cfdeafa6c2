-- Insights (issue 15): the views the insights feature reads of other features' tables, each owned by the
-- feature whose tables it reads (docs/architecture.md), an index that serves the figures of all groups, and the
-- insights feature's own table of nudges. The views carry numbers and times only, never content.

-- entry: every entry not deleted as the figures count it: its group, author and week, whether it was posted
-- late, whether it asks a question, when it was posted, when its thread got its first reply, whether its
-- question has an accepted answer.
CREATE VIEW entry_activity AS
SELECT e.id AS entry_id, e.group_id, e.member_id, e.week, e.late, e.question IS NOT NULL AS asked, e.created_at,
       e.first_reply_at, e.accepted_reply_id IS NOT NULL AS answered
FROM entry e
WHERE e.deleted_at IS NULL;

-- thread: who replied in which thread (one row per reply).
CREATE VIEW thread_replier AS
SELECT r.entry_id, r.member_id
FROM reply r;

-- group: who belongs to which group since when.
CREATE VIEW group_member_since AS
SELECT ms.group_id, ms.member_id, ms.joined_at
FROM membership ms;

-- group: every group with its name, whether it is archived, and its log day (MONDAY … SUNDAY).
CREATE VIEW group_cadence AS
SELECT g.id AS group_id, g.name, g.archived, g.log_day
FROM learning_group g;

-- entry (for insights): the figures read every entry of a range of weeks, of one group or of all; entries are wide
-- (their words), so these narrow covering indexes let the figures be read by index-only scans: who posted (late or
-- not), and the questions with their times.
CREATE INDEX entry_insight_post_idx ON entry (group_id, week) INCLUDE (member_id, late)
    WHERE deleted_at IS NULL;
CREATE INDEX entry_insight_question_idx ON entry (group_id, week)
    INCLUDE (id, created_at, first_reply_at, accepted_reply_id)
    WHERE deleted_at IS NULL AND question IS NOT NULL;

-- insights: a facilitator's one nudge to a member who has not posted for a week, at most one per member, group
-- and week; the key decides between racing requests.
CREATE TABLE member_nudge (
    group_id     uuid        NOT NULL REFERENCES learning_group (id),
    member_id    uuid        NOT NULL REFERENCES member (id),
    week         varchar(8)  NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    nudged_by    uuid        NOT NULL REFERENCES member (id),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (group_id, member_id, week)
);
