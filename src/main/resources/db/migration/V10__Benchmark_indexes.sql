-- Indexes found missing by the benchmark (bench/run.sh, docs/benchmarks.md).

-- The open-questions feed (GET /questions?status=open, newest first) read every question of the member's
-- groups through entry_question_idx and dropped the answered ones afterwards; open questions only, here.
CREATE INDEX entry_open_question_idx ON entry (group_id, created_at DESC, id DESC)
    WHERE question IS NOT NULL AND deleted_at IS NULL AND accepted_reply_id IS NULL;
