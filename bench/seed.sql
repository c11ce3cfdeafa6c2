-- Benchmark data, bulk-inserted with generate_series into a schema Flyway created.
-- psql variables: groups, per_group (members per group), weeks (of entries, ending with the current one).
--
-- Ids are derived from numbers so that load scripts and pgbench can compute them:
--   member n (1..groups*per_group): id md5('member-' || n)::uuid, token secret 'll_bench_' || n
--   group  g = (n - 1) / per_group + 1: id md5('group-' || g)::uuid
--   week   w (0 = current, 1 = last week, ...): to_char(current_date - 7 * w, 'IYYY-"W"IW')
-- About a third of the entries ask a question; four in five questions have 1-4 replies by other members
-- of the group; half of the answered-to questions have an accepted reply.
\set ON_ERROR_STOP on
SET search_path TO learninglog;
SET synchronous_commit TO off;
SET TimeZone TO 'UTC';

BEGIN;

CREATE TEMP TABLE bench_zone (i int PRIMARY KEY, tz text NOT NULL) ON COMMIT DROP;
INSERT INTO bench_zone VALUES
    (0, 'Europe/Berlin'), (1, 'Europe/Madrid'), (2, 'Europe/Warsaw'), (3, 'Europe/London'),
    (4, 'Europe/Dublin'), (5, 'Europe/Paris'), (6, 'America/New_York'), (7, 'America/Chicago'),
    (8, 'America/Sao_Paulo'), (9, 'Asia/Kolkata'), (10, 'Asia/Tokyo'), (11, 'Australia/Sydney');

INSERT INTO learning_group (id, name, description, log_day, reminder_time, follow_up_day, follow_up_time,
                            archived, created_at, updated_at)
SELECT md5('group-' || g)::uuid,
       'Regional managers ' || g || ' — sustainability',
       'Managers of region ' || g || ' adapting stores and supply to the new sustainability rules.',
       'TUESDAY', '09:00', 'THURSDAY', '09:00', false,
       now() - interval '400 days', now() - interval '400 days'
FROM generate_series(1, :groups) g;

INSERT INTO member (id, display_name, email, time_zone, role, reminders, reply_notifications, away_until,
                    active, created_at, updated_at)
SELECT md5('member-' || n)::uuid,
       (ARRAY['Marta', 'Jonas', 'Zofia', 'Oliver', 'Aoife', 'Lucía', 'Henrik', 'Amara', 'Kenji', 'Priya',
              'Tomasz', 'Chloé', 'Mateus', 'Ingrid'])[1 + n % 14] || ' '
           || (ARRAY['García', 'Weber', 'Nowak', 'Brown', 'Byrne', 'Fernández', 'Johansson', 'Okafor',
                     'Tanaka', 'Sharma', 'Kowalski', 'Dubois', 'Silva'])[1 + (n / 14) % 13] || ' ' || n,
       'member' || n || '@bench.invalid',
       z.tz,
       'MEMBER', n % 10 <> 0,
       (ARRAY['IMMEDIATE', 'DAILY_DIGEST', 'OFF'])[1 + n % 3],
       CASE WHEN n % 25 = 0 THEN current_date + 9 END,
       true, now() - interval '400 days', now() - interval '400 days'
FROM generate_series(1, :groups * :per_group) n
JOIN bench_zone z ON z.i = n % 12;

INSERT INTO membership (id, group_id, member_id, role, joined_at)
SELECT md5('membership-' || n)::uuid, md5('group-' || ((n - 1) / :per_group + 1))::uuid, md5('member-' || n)::uuid,
       CASE WHEN (n - 1) % :per_group = 0 THEN 'FACILITATOR' ELSE 'MEMBER' END,
       now() - interval '400 days'
FROM generate_series(1, :groups * :per_group) n;

INSERT INTO access_token (id, member_id, name, prefix, token_hash, created_at, last_used_at)
SELECT md5('token-' || n)::uuid, md5('member-' || n)::uuid, 'bench client',
       left('ll_bench_' || n, 10), encode(sha256(convert_to('ll_bench_' || n, 'UTF8')), 'hex'),
       now() - interval '400 days', now() - interval '1 day'
FROM generate_series(1, :groups * :per_group) n;

-- One entry per member and week: the shape of each row decided here, so replies can refer to it.
CREATE TEMP TABLE bench_entry ON COMMIT DROP AS
SELECT n, w, (n - 1) / :per_group + 1 AS g, (n - 1) % :per_group AS slot,
       md5('entry-' || n || '-' || w)::uuid AS id,
       to_char(current_date - 7 * w, 'IYYY-"W"IW') AS week,
       (n * 7 + w * 13) % 3 = 0 AS asks,
       (n + w) % 5 AS replies,
       (n + w) % 2 = 0 AS accepts,
       -- Tuesday of that week, 07:00-16:59 UTC; never later than three hours ago (so are its replies).
       least((date_trunc('week', (current_date - 7 * w)::timestamp) + interval '1 day'
                  + make_interval(hours => 7 + (n + w) % 10, mins => (n * 17 + w) % 60)) AT TIME ZONE 'UTC',
             now() - interval '3 hours') AS created_at
FROM generate_series(1, :groups * :per_group) n, generate_series(0, :weeks - 1) w;

INSERT INTO entry (id, group_id, member_id, week, tried, failed, question, tags, late, reply_count,
                   first_reply_at, created_at, updated_at, version)
SELECT e.id, md5('group-' || e.g)::uuid, md5('member-' || e.n)::uuid, e.week,
       left(repeat((ARRAY['Moved the weekly delivery of the northern stores to reusable crates and tracked breakage per route. ',
                          'Asked two suppliers for the carbon figures of their transport and compared them with ours. ',
                          'Ran the new waste-sorting briefing at the start of each shift instead of by email. ',
                          'Replaced plastic sleeves with paper bands for the flower section in three stores. '])[1 + (e.n + e.w) % 4],
                   1 + (e.n * 3 + e.w) % 4), 400),
       left(repeat((ARRAY['The supplier could not deliver on time and the crates piled up in the back room. ',
                          'Nobody read the figures because the report arrived after the regional meeting. ',
                          'Staff on the late shift missed the briefing, so the bins were sorted wrongly again. '])[1 + (e.n + 2 * e.w) % 3],
                   1 + (e.n + e.w * 5) % 3), 300),
       CASE WHEN e.asks THEN (ARRAY['How do you get suppliers to report transport emissions in a comparable way?',
                                    'Has anyone found a crate return process that works with franchise stores?',
                                    'What convinced your late-shift staff to take the sorting rules seriously?',
                                    'Which metric did your board accept as proof that the packaging change paid off?'])[1 + (e.n + e.w) % 4] END,
       CASE (e.n + e.w) % 4 WHEN 0 THEN '{packaging,suppliers}' WHEN 1 THEN '{waste}'
                            WHEN 2 THEN '{}' ELSE '{logistics,supplier-costs,crates}' END::varchar(40)[],
       false,
       CASE WHEN e.asks THEN e.replies ELSE 0 END,
       CASE WHEN e.asks AND e.replies > 0 THEN e.created_at + interval '37 minutes' END,
       e.created_at, e.created_at, 1
FROM bench_entry e;

INSERT INTO entry_revision (id, entry_id, version, tried, failed, question, tags, change, edited_at)
SELECT md5('revision-' || e.id)::uuid, e.id, 1, e.tried, e.failed, e.question, e.tags, 'CREATED', e.created_at
FROM entry e;

-- Replies by the next members of the same group, 37 minutes apart.
CREATE TEMP TABLE bench_reply ON COMMIT DROP AS
SELECT md5('reply-' || e.n || '-' || e.w || '-' || i)::uuid AS id, e.id AS entry_id, e.n AS author_n,
       (e.g - 1) * :per_group + (e.slot + i) % :per_group + 1 AS replier_n, i,
       e.created_at + i * interval '37 minutes' AS created_at
FROM bench_entry e, generate_series(1, 4) i
WHERE e.asks AND i <= e.replies;

INSERT INTO reply (id, entry_id, member_id, body, created_at, version)
SELECT r.id, r.entry_id, md5('member-' || r.replier_n)::uuid,
       (ARRAY['We had the same problem; what helped was agreeing on one template with all suppliers up front.',
              'Try pairing a franchise store with one of ours for a month, the return rate went up a lot for us.',
              'Short huddles at shift change worked better than any poster. Happy to share our checklist.',
              'We used cost per delivered pallet; it convinced finance faster than the CO2 numbers did.'])[1 + (r.replier_n + r.i) % 4],
       r.created_at, 1
FROM bench_reply r;

UPDATE entry e SET accepted_reply_id = md5('reply-' || b.n || '-' || b.w || '-1')::uuid
FROM bench_entry b
WHERE e.id = b.id AND b.asks AND b.replies > 0 AND b.accepts;

-- The author follows implicitly; everyone who replied follows explicitly.
INSERT INTO follow (entry_id, member_id, following, since)
SELECT r.entry_id, md5('member-' || r.replier_n)::uuid, true, min(r.created_at)
FROM bench_reply r
GROUP BY r.entry_id, r.replier_n;

INSERT INTO notification (id, member_id, kind, entry_id, reply_id, actor_id, created_at, read_at)
SELECT md5('notification-' || r.id)::uuid, md5('member-' || r.author_n)::uuid, 'REPLY_ON_MY_ENTRY', r.entry_id, r.id,
       md5('member-' || r.replier_n)::uuid, r.created_at,
       CASE WHEN r.created_at < now() - interval '7 days' THEN r.created_at + interval '3 hours' END
FROM bench_reply r;

COMMIT;

VACUUM ANALYZE;
