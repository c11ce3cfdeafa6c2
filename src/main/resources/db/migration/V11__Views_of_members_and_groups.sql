-- Views through which a feature reads what another feature's tables hold (docs/architecture.md). Each view
-- is owned by the feature that owns the tables under it: it may change those tables as long as its views keep
-- their meaning. PostgreSQL inlines plain views into the query that reads them, so they cost no time.

-- Owned by member: the members who may act (the active ones), and whether they administer the service.
-- The token lookup of every request joins it (security/TokenAuthenticator).
CREATE VIEW active_member AS
    SELECT id, role = 'ADMIN' AS admin
    FROM member
    WHERE active;

-- Owned by group: who is in which group.
CREATE VIEW group_member AS
    SELECT group_id, member_id
    FROM membership;

-- Owned by group: who shares a group with whom, one row per shared group; every member of a group shares
-- it with themselves.
CREATE VIEW group_mate AS
    SELECT mine.member_id, other.member_id AS mate_id
    FROM membership mine
    JOIN membership other ON other.group_id = mine.group_id;
