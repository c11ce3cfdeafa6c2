-- Retention (decision 96): the purge of each kind of old row finds its batch by an index, not by reading the table.
-- mail
CREATE INDEX outbound_email_sent_idx ON outbound_email (sent_at) WHERE status = 'SENT';
CREATE INDEX outbound_email_dead_idx ON outbound_email (created_at) WHERE status = 'DEAD';
-- notification
CREATE INDEX notification_read_idx ON notification (read_at) WHERE read_at IS NOT NULL;
-- session
CREATE INDEX member_session_revoked_idx ON member_session (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX member_session_last_seen_idx ON member_session (last_seen_at);
CREATE INDEX member_session_created_idx ON member_session (created_at);
CREATE INDEX sign_in_link_expires_idx ON sign_in_link (expires_at);
-- api
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
-- inbound
CREATE INDEX inbound_message_processed_idx ON inbound_message (processed_at) WHERE processed_at IS NOT NULL;
