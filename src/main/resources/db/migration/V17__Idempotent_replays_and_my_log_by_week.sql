-- A repeated Idempotency-Key answers with the first response as it was, so the response is kept with the key.
-- Keys stored before have none and cannot be repeated (409); resource_id is no longer written.
ALTER TABLE idempotency_key
    ADD COLUMN response_status  smallint,
    ADD COLUMN response_headers jsonb,
    ADD COLUMN response_body    text;

-- GET /me/entries lists by week, newest first, then newest posted first.
DROP INDEX entry_member_created_idx;
CREATE INDEX entry_member_week_idx ON entry (member_id, week DESC, created_at DESC, id DESC) WHERE deleted_at IS NULL;
