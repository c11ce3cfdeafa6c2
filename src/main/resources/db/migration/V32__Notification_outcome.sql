-- entry: the thread head gains the outcome itself, at the end, so an OUTCOME_REPORTED notification says how the
-- advice worked out even when no note was written (the note alone was its excerpt).
CREATE OR REPLACE VIEW entry_thread AS
SELECT e.id AS entry_id, e.group_id, e.member_id AS author_id, e.question, e.outcome_note, e.outcome
FROM entry e;
