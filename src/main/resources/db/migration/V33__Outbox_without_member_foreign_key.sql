-- mail (decision 125): the outbox no longer checks its recipient against member with a foreign key. The check
-- locked the member's row (FOR KEY SHARE, a write to the member's page and to the WAL) for every email enqueued:
-- 7.6 s of 35 s for a quarter of the reminder scan's 760,000 rows. It guarded nothing: every statement that enqueues
-- reads the recipient from member_recipient in the same statement, and members are never deleted (an erased
-- member's row stays, without personal data; OutboxPersonalData deletes their emails).
ALTER TABLE outbound_email DROP CONSTRAINT outbound_email_recipient_member_id_fkey;
