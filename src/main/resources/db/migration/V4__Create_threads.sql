-- Question threads: replies, follows, in-app notifications, and idempotent creation.

CREATE TABLE reply (
    id         uuid PRIMARY KEY,
    entry_id   uuid          NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    member_id  uuid          NOT NULL REFERENCES member (id),
    body       varchar(4000) NOT NULL,
    created_at timestamptz   NOT NULL,
    edited_at  timestamptz,
    version    integer       NOT NULL DEFAULT 1
);
-- A thread, oldest first.
CREATE INDEX reply_entry_created_idx ON reply (entry_id, created_at, id);

ALTER TABLE entry ADD CONSTRAINT entry_accepted_reply_fk
    FOREIGN KEY (accepted_reply_id) REFERENCES reply (id) ON DELETE SET NULL;

-- Questions in my groups, newest first; and those still waiting for a first reply.
CREATE INDEX entry_question_idx ON entry (group_id, created_at DESC, id DESC)
    WHERE question IS NOT NULL AND deleted_at IS NULL;

-- Who hears about a thread. An explicit unfollow is kept (following = false) so replying again does not undo it.
CREATE TABLE follow (
    entry_id  uuid        NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    member_id uuid        NOT NULL REFERENCES member (id),
    following boolean     NOT NULL,
    since     timestamptz NOT NULL,
    PRIMARY KEY (entry_id, member_id)
);

CREATE TABLE notification (
    id         uuid PRIMARY KEY,
    member_id  uuid        NOT NULL REFERENCES member (id),
    kind       varchar(32) NOT NULL,
    entry_id   uuid        NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    reply_id   uuid        REFERENCES reply (id) ON DELETE CASCADE,
    actor_id   uuid        REFERENCES member (id),
    created_at timestamptz NOT NULL,
    read_at    timestamptz
);
CREATE INDEX notification_member_created_idx ON notification (member_id, created_at DESC, id DESC);
CREATE INDEX notification_member_unread_idx ON notification (member_id, created_at DESC, id DESC) WHERE read_at IS NULL;

-- Repeated POSTs with the same Idempotency-Key answer as the first one did.
CREATE TABLE idempotency_key (
    member_id    uuid         NOT NULL REFERENCES member (id),
    key          varchar(128) NOT NULL,
    operation    varchar(64)  NOT NULL,
    request_hash varchar(64)  NOT NULL,
    resource_id  uuid,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (member_id, operation, key)
);
