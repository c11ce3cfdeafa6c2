-- Members, groups, memberships and personal access tokens.

CREATE TABLE member (
    id                  uuid PRIMARY KEY,
    display_name        varchar(100) NOT NULL,
    email               varchar(254) NOT NULL,
    time_zone           varchar(64)  NOT NULL,
    role                varchar(16)  NOT NULL CHECK (role IN ('ADMIN', 'MEMBER')),
    reminders           boolean      NOT NULL DEFAULT true,
    reply_notifications varchar(16)  NOT NULL DEFAULT 'IMMEDIATE'
                        CHECK (reply_notifications IN ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')),
    away_until          date,
    active              boolean      NOT NULL DEFAULT true,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL
);
-- Email is unique whatever its case.
CREATE UNIQUE INDEX member_email_key ON member (lower(email));
-- Member lists are ordered by name.
CREATE INDEX member_name_idx ON member (lower(display_name), id);

CREATE TABLE learning_group (
    id             uuid PRIMARY KEY,
    name           varchar(120)  NOT NULL,
    description    varchar(2000),
    log_day        varchar(9)    NOT NULL DEFAULT 'TUESDAY',
    reminder_time  time          NOT NULL DEFAULT '09:00',
    follow_up_day  varchar(9),
    follow_up_time time,
    archived       boolean       NOT NULL DEFAULT false,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    CONSTRAINT follow_up_complete CHECK ((follow_up_day IS NULL) = (follow_up_time IS NULL))
);
CREATE INDEX learning_group_name_idx ON learning_group (lower(name), id);

CREATE TABLE membership (
    id        uuid PRIMARY KEY,
    group_id  uuid        NOT NULL REFERENCES learning_group (id),
    member_id uuid        NOT NULL REFERENCES member (id),
    role      varchar(16) NOT NULL CHECK (role IN ('FACILITATOR', 'MEMBER')),
    joined_at timestamptz NOT NULL,
    CONSTRAINT membership_group_member_key UNIQUE (group_id, member_id)
);
CREATE INDEX membership_member_idx ON membership (member_id, group_id);

CREATE TABLE access_token (
    id           uuid PRIMARY KEY,
    member_id    uuid         NOT NULL REFERENCES member (id),
    name         varchar(100) NOT NULL,
    prefix       varchar(16)  NOT NULL,
    -- SHA-256 of the token, hex; the token itself is never stored.
    token_hash   varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    CONSTRAINT access_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX access_token_member_idx ON access_token (member_id, created_at DESC, id);
