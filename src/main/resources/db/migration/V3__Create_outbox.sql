-- The transactional outbox: every email the service sends is first a row here, written in the same
-- transaction as the change that causes it, then delivered by the mail dispatcher.

CREATE TABLE outbound_email (
    id                  uuid          PRIMARY KEY,
    -- What makes two enqueues the same email, e.g. reminder:{groupId}:{memberId}:{week}.
    dedupe_key          varchar(200)  NOT NULL,
    -- Which composer renders it, e.g. REMINDER, FOLLOW_UP.
    kind                varchar(32)   NOT NULL,
    recipient_member_id uuid          REFERENCES member (id),
    recipient_address   varchar(254)  NOT NULL,
    -- The values the kind's template is rendered with; a snapshot taken when enqueued.
    template_data       jsonb         NOT NULL DEFAULT '{}',
    status              varchar(8)    NOT NULL DEFAULT 'PENDING'
                        CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    -- Delivery attempts started; counted when a dispatcher claims the row.
    attempts            integer       NOT NULL DEFAULT 0,
    -- Due when PENDING or FAILED and this has come; a claim moves it forward by the claim lease.
    next_attempt_at     timestamptz   NOT NULL,
    last_error          varchar(2000),
    -- Derived from the dedupe key, so a resend of the same email carries the same Message-ID.
    message_id          varchar(200)  NOT NULL,
    created_at          timestamptz   NOT NULL,
    sent_at             timestamptz,
    CONSTRAINT outbound_email_dedupe_key UNIQUE (dedupe_key)
);

-- The dispatcher's claim: due rows, oldest first. Only undelivered rows are indexed, so the index stays
-- as small as the backlog however many emails were ever sent; it also serves the backlog gauge.
CREATE INDEX outbound_email_due_idx ON outbound_email (next_attempt_at)
    WHERE status IN ('PENDING', 'FAILED');

-- A member's emails (unsubscribe, support questions, deleting a member).
CREATE INDEX outbound_email_member_idx ON outbound_email (recipient_member_id, created_at);

-- The reminder scan joins memberships to groups; group_id leads membership_group_member_key already.
-- It looks up "posted this week" through entry_group_member_week_key and "already enqueued" through
-- outbound_email_dedupe_key, so it needs no further index.
