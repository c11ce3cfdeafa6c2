-- Emails about threads: replies coalesced per thread, daily digests, and the unanswered-question nudge.

-- Whether a notification has been dealt with by email: sent in a thread email or digest, or not wanted
-- (the member's reply notifications were OFF when it was made).
ALTER TABLE notification ADD COLUMN email_handled_at timestamptz;
CREATE INDEX notification_email_pending_idx ON notification (member_id, entry_id, created_at)
    WHERE email_handled_at IS NULL;

-- When the group was nudged about a question nobody answered.
ALTER TABLE entry ADD COLUMN nudged_at timestamptz;
CREATE INDEX entry_unanswered_idx ON entry (created_at)
    WHERE question IS NOT NULL AND deleted_at IS NULL AND reply_count = 0 AND nudged_at IS NULL;
