-- What the week's log reads of other features in one statement (decision 113), with each row's version: the
-- transaction id that wrote the row (xmin), which every insert and update of the row changes and a row lock does
-- not. The log's ETag is made of the versions of the rows it is built from (decision 114).

-- group: the members of each group with the group's log day, and the versions of the membership and group rows.
CREATE VIEW group_roster AS
SELECT ms.group_id, ms.member_id, g.log_day, ms.xmin::text || '.' || g.xmin::text AS row_version
FROM membership ms
JOIN learning_group g ON g.id = ms.group_id;

-- member: how a member is shown to the groups they are in (name, active, away), and the version of the row.
CREATE VIEW member_card AS
SELECT m.id AS member_id, m.display_name, m.active, m.away_until, m.xmin::text AS row_version
FROM member m;
