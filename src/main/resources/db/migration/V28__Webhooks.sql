-- webhook: chat channels and other systems told of a group's events (issue 16, item 4). An endpoint is
-- registered by the group's facilitators; each event it subscribes to becomes one delivery row, written in the
-- transaction of the change that causes it, and delivered by the webhook dispatcher like the email outbox.

CREATE TABLE webhook_endpoint (
    id                   uuid          PRIMARY KEY,
    group_id             uuid          NOT NULL REFERENCES learning_group (id),
    url                  varchar(2000) NOT NULL,
    description          varchar(200),
    -- The subscribed events, e.g. {question.asked,answer.accepted}.
    events               text[]        NOT NULL,
    format               varchar(8)    NOT NULL CHECK (format IN ('STANDARD', 'SLACK', 'TEAMS')),
    -- The HMAC-SHA256 key (Standard Webhooks `whsec_` secret without its prefix, base64); needed to sign, so kept.
    secret               varchar(200)  NOT NULL,
    enabled              boolean       NOT NULL DEFAULT true,
    disabled_reason      varchar(16)   CHECK (disabled_reason IN ('FAILING', 'BY_FACILITATOR')),
    disabled_at          timestamptz,
    -- Failed attempts in a row since the last success; at learninglog.webhooks.disable-after-failures it is disabled.
    consecutive_failures integer       NOT NULL DEFAULT 0,
    created_by           uuid          REFERENCES member (id),
    created_at           timestamptz   NOT NULL
);

CREATE INDEX webhook_endpoint_group_idx ON webhook_endpoint (group_id, created_at, id);

CREATE TABLE webhook_delivery (
    -- Also the `webhook-id` header of every attempt.
    id                 uuid          PRIMARY KEY,
    endpoint_id        uuid          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- Names the event, e.g. question.asked:{entryId}; one delivery per endpoint and event, however often announced.
    event_key          varchar(200)  NOT NULL,
    event              varchar(32)   NOT NULL,
    -- The exact body sent (and signed) on every attempt, rendered in the endpoint's format when enqueued.
    body               text          NOT NULL,
    status             varchar(10)   NOT NULL DEFAULT 'PENDING'
                       CHECK (status IN ('PENDING', 'FAILED', 'DELIVERED', 'DEAD')),
    attempts           integer       NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz   NOT NULL,
    last_attempt_at    timestamptz,
    last_response_code integer,
    last_error         varchar(500),
    created_at         timestamptz   NOT NULL,
    delivered_at       timestamptz,
    CONSTRAINT webhook_delivery_event_key UNIQUE (endpoint_id, event_key)
);

-- The dispatcher's claim: due rows only, so the index stays as small as the backlog.
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
-- An endpoint's deliveries, newest first.
CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC, id DESC);
-- Purging delivered rows by age (retention).
CREATE INDEX webhook_delivery_delivered_idx ON webhook_delivery (delivered_at) WHERE status = 'DELIVERED';

-- group: who facilitates which group; whom the webhook feature tells that an endpoint was disabled.
CREATE VIEW group_facilitator AS
SELECT ms.group_id, ms.member_id
FROM membership ms
WHERE ms.role = 'FACILITATOR';
