-- The jobs phase's data, bulk-inserted with generate_series next to bench/seed.sql's (after the endpoints were
-- measured): groups of members for the reminder scan, and the dispatch that follows it.
-- psql variables: groups, per_group (members per group).
--
-- Ids are derived from numbers, as in bench/seed.sql:
--   member n (1..groups*per_group): id md5('jobs-member-' || n)::uuid, address 'jobs' || n || '@bench.invalid'
--   group  g = (n - 1) / per_group + 1: id md5('jobs-group-' || g)::uuid
-- Every group's log day is Monday at 00:00 with no follow-up, so a reminder is due in every member's current week
-- whatever the day the benchmark runs; who gets one is decided by the member: one in ten opted out, one in 25 away,
-- one in eight posted this week already (its entry), the rest due. Triggers (search indexing, foreign keys) are off
-- for the seed's own statements (session_replication_role = replica): the ids are consistent by construction, and
-- nothing searched is measured after this seed.
\set ON_ERROR_STOP on
SET search_path TO learninglog;
SET synchronous_commit TO off;
SET TimeZone TO 'UTC';
SET session_replication_role TO replica;

BEGIN;

CREATE TEMP TABLE jobs_zone (i int PRIMARY KEY, tz text NOT NULL) ON COMMIT DROP;
INSERT INTO jobs_zone VALUES
    (0, 'Europe/Berlin'), (1, 'Europe/Madrid'), (2, 'Europe/Warsaw'), (3, 'Europe/London'),
    (4, 'Europe/Dublin'), (5, 'Europe/Paris'), (6, 'America/New_York'), (7, 'America/Chicago'),
    (8, 'America/Sao_Paulo'), (9, 'Asia/Kolkata'), (10, 'Asia/Tokyo'), (11, 'Australia/Sydney');

INSERT INTO learning_group (id, name, description, log_day, reminder_time, follow_up_day, follow_up_time,
                            archived, created_at, updated_at)
SELECT md5('jobs-group-' || g)::uuid, 'Store team ' || g, 'One store''s team.', 'MONDAY', '00:00', NULL, NULL,
       false, now() - interval '100 days', now() - interval '100 days'
FROM generate_series(1, :groups) g;

INSERT INTO member (id, display_name, email, time_zone, role, reminders, reply_notifications, away_until,
                    active, created_at, updated_at)
SELECT md5('jobs-member-' || n)::uuid, 'Store member ' || n, 'jobs' || n || '@bench.invalid', z.tz, 'MEMBER',
       n % 10 <> 0, 'OFF', CASE WHEN n % 25 = 0 THEN current_date + 9 END,
       true, now() - interval '100 days', now() - interval '100 days'
FROM generate_series(1, :groups * :per_group) n
JOIN jobs_zone z ON z.i = n % 12;

INSERT INTO membership (id, group_id, member_id, role, joined_at)
SELECT md5('jobs-membership-' || n)::uuid, md5('jobs-group-' || ((n - 1) / :per_group + 1))::uuid,
       md5('jobs-member-' || n)::uuid,
       CASE WHEN (n - 1) % :per_group = 0 THEN 'FACILITATOR' ELSE 'MEMBER' END, now() - interval '100 days'
FROM generate_series(1, :groups * :per_group) n;

-- This week's entry of one member in eight (the week of the member's own time zone).
INSERT INTO entry (id, group_id, member_id, week, tried, failed, created_at, updated_at)
SELECT md5('jobs-entry-' || n)::uuid, md5('jobs-group-' || ((n - 1) / :per_group + 1))::uuid,
       md5('jobs-member-' || n)::uuid, to_char((now() AT TIME ZONE z.tz)::date, 'IYYY-"W"IW'),
       'Counted the returns at the desk.', 'Nobody read the sign.', now(), now()
FROM generate_series(1, :groups * :per_group) n
JOIN jobs_zone z ON z.i = n % 12
WHERE n % 8 = 3;

COMMIT;

-- What autovacuum would have done by the time a scan runs (visibility map and statistics).
VACUUM ANALYZE learning_group, member, membership, entry, outbound_email;
