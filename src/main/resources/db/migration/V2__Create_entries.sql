-- The weekly log: one entry per group, member and ISO week, with its edit history.

CREATE TABLE entry (
    id                uuid PRIMARY KEY,
    group_id          uuid          NOT NULL REFERENCES learning_group (id),
    member_id         uuid          NOT NULL REFERENCES member (id),
    -- ISO week as written on the wire, e.g. 2026-W47; sorts chronologically as text.
    week              varchar(8)    NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    tried             varchar(4000),
    failed            varchar(4000),
    question          varchar(4000),
    tags              varchar(40)[] NOT NULL DEFAULT '{}',
    late              boolean       NOT NULL DEFAULT false,
    -- Kept as a tombstone (content cleared) when deleted while its thread has replies.
    deleted_at        timestamptz,
    reply_count       integer       NOT NULL DEFAULT 0,
    first_reply_at    timestamptz,
    accepted_reply_id uuid,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    version           integer       NOT NULL DEFAULT 0,
    CONSTRAINT entry_group_member_week_key UNIQUE (group_id, member_id, week)
);
-- A week's log of a group.
CREATE INDEX entry_group_week_idx ON entry (group_id, week);
-- A member's own log, newest first.
CREATE INDEX entry_member_created_idx ON entry (member_id, created_at DESC, id DESC);

CREATE TABLE entry_revision (
    id        uuid PRIMARY KEY,
    entry_id  uuid          NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    -- The entry's version this revision recorded.
    version   integer       NOT NULL,
    tried     varchar(4000),
    failed    varchar(4000),
    question  varchar(4000),
    tags      varchar(40)[] NOT NULL DEFAULT '{}',
    change    varchar(16)   NOT NULL CHECK (change IN ('CREATED', 'REPLACED', 'EDITED', 'DELETED')),
    edited_at timestamptz   NOT NULL,
    CONSTRAINT entry_revision_entry_version_key UNIQUE (entry_id, version)
);
