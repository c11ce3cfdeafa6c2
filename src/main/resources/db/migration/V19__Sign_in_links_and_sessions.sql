-- Owned by session: emailed one-time sign-in links and the browser sessions they open (docs/decisions.md 43-46).

-- Every request for a link writes a row, for a known address or not, so both cost the same and the rate limits
-- count from here (every instance agrees). member_id is null for an address no active member has; such a row
-- has no link anyone could use.
CREATE TABLE sign_in_link (
    id             uuid PRIMARY KEY,
    token_hash     char(64)    NOT NULL UNIQUE,
    member_id      uuid        REFERENCES member (id) ON DELETE CASCADE,
    email          text        NOT NULL,
    client_address text        NOT NULL,
    next_path      text,
    created_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    used_at        timestamptz
);
CREATE INDEX sign_in_link_email_created ON sign_in_link (email, created_at);
CREATE INDEX sign_in_link_client_created ON sign_in_link (client_address, created_at);

-- The cookie holds a random id; only its SHA-256 is stored. Idle expiry counts from last_seen_at, absolute
-- expiry from created_at, both against the settings at the time of the request.
CREATE TABLE member_session (
    id           uuid PRIMARY KEY,
    secret_hash  char(64)    NOT NULL UNIQUE,
    member_id    uuid        NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX member_session_member_live ON member_session (member_id, created_at DESC, id DESC)
    WHERE revoked_at IS NULL;

-- Owned by member: the active members by their address, for the sign-in link (email is stored lower-cased).
CREATE VIEW active_member_address AS
    SELECT id AS member_id, lower(email) AS email
    FROM member
    WHERE active;
