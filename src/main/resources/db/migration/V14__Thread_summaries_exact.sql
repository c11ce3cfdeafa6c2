-- Threads: the replier is told once that a reply was accepted, and the entries' summaries of their threads are
-- repaired where concurrent changes had broken them (before they were counted under the entry's row lock).

-- thread: when the reply's author was told it was accepted as the answer. Set once; accepting the same reply again
-- after reopening the question tells nobody again.
ALTER TABLE reply ADD COLUMN acceptance_notified_at timestamptz;
UPDATE reply r SET acceptance_notified_at = told.first_at
FROM (SELECT n.reply_id, min(n.created_at) AS first_at FROM notification n
      WHERE n.kind = 'ANSWER_ACCEPTED' AND n.reply_id IS NOT NULL GROUP BY n.reply_id) told
WHERE told.reply_id = r.id;

-- entry: an edit answered 200 could be overwritten by a stale copy of the entry written back with a reply's change;
-- its revision kept what was answered. Where the entry's version is behind its last revision, the entry gets the
-- last revision's content and version back: a tombstone when that revision is DELETED, live otherwise (an entry is
-- removed only with a DELETED revision, and posted again only with a CREATED one).
UPDATE entry e
SET version = last.version,
    tried = last.tried, failed = last.failed, question = last.question, tags = last.tags,
    deleted_at = CASE WHEN last.change = 'DELETED' THEN coalesce(e.deleted_at, last.edited_at) END,
    updated_at = greatest(e.updated_at, last.edited_at)
FROM (SELECT DISTINCT ON (v.entry_id) v.entry_id, v.version, v.tried, v.failed, v.question, v.tags, v.change,
             v.edited_at
      FROM entry_revision v ORDER BY v.entry_id, v.version DESC) last
WHERE last.entry_id = e.id AND e.version < last.version;

-- entry: the thread's summary, counted afresh from the replies it summarises.
UPDATE entry e
SET reply_count = counted.replies, first_reply_at = counted.first_at
FROM (SELECT x.id, count(r.id) AS replies, min(r.created_at) AS first_at
      FROM entry x LEFT JOIN reply r ON r.entry_id = x.id GROUP BY x.id) counted
WHERE counted.id = e.id
  AND (e.reply_count <> counted.replies OR e.first_reply_at IS DISTINCT FROM counted.first_at);

UPDATE entry e SET accepted_reply_id = NULL
WHERE e.accepted_reply_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM reply r WHERE r.id = e.accepted_reply_id AND r.entry_id = e.id);
