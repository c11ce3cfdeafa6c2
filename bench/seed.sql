-- Benchmark data, bulk-inserted with generate_series into a schema Flyway created.
-- psql variables: groups, per_group (members per group), weeks (of entries, ending with the current one).
--
-- Ids are derived from numbers so that load scripts and pgbench can compute them:
--   member n (1..groups*per_group): id md5('member-' || n)::uuid, token secret 'll_bench_' || n
--   group  g = (n - 1) / per_group + 1: id md5('group-' || g)::uuid
--   week   w (0 = current, 1 = last week, ...): to_char(current_date - 7 * w, 'IYYY-"W"IW')
-- About a third of the entries ask a question; four in five questions have 1-4 replies by other members
-- of the group; half of the answered-to questions have an accepted reply. The text is built from phrase
-- fragments (bench_words below), about 30 topics each with its tags.
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

-- The words of entries and replies: phrase fragments combined pseudo-randomly by row number (hashtext of the
-- member, week and slot), so the full-text and trigram indexes see a varied vocabulary, not one sentence. Each
-- thing tried has a topic; its entry's question and tags are about that topic.
CREATE TEMP TABLE bench_words ON COMMIT DROP AS SELECT
    ARRAY['reusable crates for the weekly delivery', 'paper bands instead of plastic sleeves in the flower section',
          'the waste-sorting briefing at the start of each shift', 'refill stations for detergent and soap',
          'LED lighting in the cold rooms', 'carbon figures from our transport suppliers', 'compostable pallet wrap',
          'a returns desk next to the entrance', 'night deliveries to the city stores', 'digital receipts at the tills',
          'a deposit scheme for glass bottles', 'motion sensors in the storage rooms',
          'local growers as vegetable suppliers', 'the cardboard baler in the back room',
          'heat pumps for the smaller stores', 'daily food donation pickups', 'recycled shelf labels',
          'a new loading dock schedule', 'solar panels on the warehouse roof', 'water meters on every tap line',
          'discount stickers for produce near its date', 'a repair corner for small appliances',
          'an electric van for the last mile', 'supplier audits on working conditions',
          'a monthly sustainability report for the board', 'training videos for new staff',
          'shared delivery routes with a neighbouring chain', 'reusable bags at the checkout',
          'smart thermostats in the offices', 'a franchise partner pilot for bottle returns'] AS topics,
    ARRAY['logistics', 'packaging', 'waste', 'packaging', 'energy', 'suppliers', 'packaging', 'returns', 'logistics',
          'customers', 'recycling', 'energy', 'suppliers', 'recycling', 'heating', 'food-waste', 'packaging',
          'logistics', 'energy', 'water', 'food-waste', 'customers', 'transport', 'audits', 'reporting',
          'staff-training', 'transport', 'packaging', 'heating', 'franchise'] AS topic_tags,
    ARRAY['supplier-costs', 'store-layout', 'regulation', 'staff-training', 'reporting', 'costs', 'customers',
          'pilots'] AS more_tags,
    ARRAY['Introduced', 'Piloted', 'Tested', 'Rolled out', 'Tried', 'Set up', 'Started', 'Switched to',
          'Negotiated', 'Trialled', 'Measured the effect of', 'Reintroduced', 'Planned', 'Scaled up', 'Paused',
          'Promoted'] AS verbs,
    ARRAY['in three stores', 'at the northern warehouse', 'across the whole region', 'in the flagship store',
          'with two franchise partners', 'for the late shift', 'in the distribution centre',
          'at the pilot site in the south', 'in the two busiest stores', 'for the weekend team'] AS places,
    ARRAY['to cut energy use before winter', 'after customers kept asking for it',
          'because the new regulation requires it', 'to save on disposal fees', 'together with the facilities team',
          'and logged it every week in a shared sheet', 'before the audit next month',
          'to meet the regional carbon target', 'as the head office suggested', 'to reduce breakage on the way',
          'with a small budget from marketing', 'and asked staff for feedback after two weeks'] AS purposes,
    ARRAY['', ' The team logged the results in a shared spreadsheet.',
          ' We compared the figures with the same month last year.', ' Store managers got a one-page checklist.',
          ' The supplier sent weekly numbers.', ' Customers were told at the till.',
          ' We will decide in the next regional meeting whether to keep it.',
          ' It took about two hours a week of one person.'] AS follow_ups,
    ARRAY['The supplier missed the delivery window twice', 'Staff forgot the new routine after a few days',
          'The figures arrived too late for the regional meeting', 'Customers ignored the signs',
          'The equipment broke down after two weeks', 'Costs were a third higher than quoted',
          'Nobody owned the follow-up', 'The till software could not export the data',
          'The franchise stores refused to join', 'Breakage went up instead of down',
          'The pickup service cancelled at short notice', 'Our landlord did not allow the installation',
          'The night shift sorted the bins wrongly again', 'The training took longer than planned',
          'Half of the labels peeled off in the cold room'] AS problems,
    ARRAY['because the briefing was only sent by email', 'since the contract had no penalty clause',
          'so we had to start again', 'and the regional manager lost interest', 'during the holiday peak',
          'when the night shift took over', 'because nobody measured the baseline',
          'as the budget was frozen in March', 'because the instructions were only in English',
          'after the key contact left the supplier', 'because the stores were short of staff',
          'since the permit took six weeks'] AS causes,
    ARRAY['How did you get your team to stick with %?', 'Has anyone made % work with franchise stores?',
          'What convinced the board to pay for %?', 'Which metric showed that % paid off?',
          'Who has tried % and would do it again?', 'What did % cost you per store and month?',
          'How long did it take before % showed results?', 'Is there a cheaper alternative to %?',
          'How do you keep % going after the pilot ends?', 'Which supplier do you use for %?',
          'What went wrong when you introduced %?', 'How do you explain % to customers?'] AS questions,
    ARRAY['', ' Any tips welcome.', ' Our pilot ends next month.', ' We have a small budget.'] AS question_tails,
    ARRAY['', 'We had the same problem. ', 'Same here last spring. ', 'Good question. ', 'From our side: ',
          'Two things. '] AS reply_openers,
    ARRAY['Agree on one template with all suppliers up front and put it in the contract.',
          'Pair a franchise store with one of ours for a month; the return rate went up a lot for us.',
          'Short huddles at shift change worked better than any poster.',
          'We used cost per delivered pallet; finance accepted it faster than the CO2 numbers.',
          'Start with one store and a clear baseline, then show the before and after.',
          'Ask the supplier for a trial period with a penalty clause for missed deliveries.',
          'Give one person in each store the job and ten minutes a week for it.',
          'Put the figures into the weekly report the managers already read.',
          'Translate the instructions and add pictures; that fixed most mistakes.',
          'Our facilities team found a grant from the city that covered half the cost.',
          'Customers noticed it only once the cashiers mentioned it at the till.',
          'Check the permits first; ours took two months.',
          'Buy the cheaper model first and measure for a month before scaling up.',
          'Share the savings with the store team; that kept them motivated.',
          'Schedule it outside the holiday peak, everything breaks then.',
          'Record a two-minute video; new staff watch it on their first day.'] AS advice,
    ARRAY['', ' Happy to share our checklist.', ' I can send you the contact.', ' It took us about six weeks.',
          ' Ask me next week if you want the numbers.', ' Worked in four of our five stores.',
          ' Our regional manager has the slides.', ' Not perfect, but much better than before.'] AS closings;

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
             now() - interval '3 hours') AS created_at,
       -- Pseudo-random numbers of the row, one per fragment chosen.
       abs(hashtext(n || ':' || w || ':h')) AS h
FROM generate_series(1, :groups * :per_group) n, generate_series(0, :weeks - 1) w;

INSERT INTO entry (id, group_id, member_id, week, tried, failed, question, tags, late, reply_count,
                   first_reply_at, created_at, updated_at, version)
SELECT e.id, md5('group-' || e.g)::uuid, md5('member-' || e.n)::uuid, e.week,
       t.verb || ' ' || t.topic || ' ' || t.place || ' ' || t.purpose || '.' || t.follow_up,
       t.problem || ' ' || t.cause || '.',
       CASE WHEN e.asks THEN replace(t.question, '%', t.topic) || t.question_tail END,
       CASE WHEN e.h % 7 = 0 THEN '{}'
            WHEN e.h % 3 = 0 THEN ARRAY[t.topic_tag, t.more_tag]
            ELSE ARRAY[t.topic_tag] END::varchar(40)[],
       false,
       CASE WHEN e.asks THEN e.replies ELSE 0 END,
       CASE WHEN e.asks AND e.replies > 0 THEN e.created_at + interval '37 minutes' END,
       e.created_at, e.created_at, 1
FROM bench_entry e
CROSS JOIN bench_words b
CROSS JOIN LATERAL (SELECT
    b.topics[1 + e.h % 30] AS topic, b.topic_tags[1 + e.h % 30] AS topic_tag,
    b.more_tags[1 + (e.h / 30) % 8] AS more_tag,
    b.verbs[1 + (e.h / 7) % 16] AS verb, b.places[1 + (e.h / 11) % 10] AS place,
    b.purposes[1 + (e.h / 13) % 12] AS purpose, b.follow_ups[1 + (e.h / 17) % 8] AS follow_up,
    b.problems[1 + (e.h / 19) % 15] AS problem, b.causes[1 + (e.h / 23) % 12] AS cause,
    b.questions[1 + (e.h / 29) % 12] AS question, b.question_tails[1 + (e.h / 31) % 4] AS question_tail) t;

INSERT INTO entry_revision (id, entry_id, version, tried, failed, question, tags, change, edited_at)
SELECT md5('revision-' || e.id)::uuid, e.id, 1, e.tried, e.failed, e.question, e.tags, 'CREATED', e.created_at
FROM entry e;

-- Replies by the next members of the same group, 37 minutes apart.
CREATE TEMP TABLE bench_reply ON COMMIT DROP AS
SELECT md5('reply-' || e.n || '-' || e.w || '-' || i)::uuid AS id, e.id AS entry_id, e.n AS author_n,
       (e.g - 1) * :per_group + (e.slot + i) % :per_group + 1 AS replier_n, i,
       e.created_at + i * interval '37 minutes' AS created_at,
       abs(hashtext(e.n || ':' || e.w || ':' || i)) AS h
FROM bench_entry e, generate_series(1, 4) i
WHERE e.asks AND i <= e.replies;

INSERT INTO reply (id, entry_id, member_id, body, created_at, version)
SELECT r.id, r.entry_id, md5('member-' || r.replier_n)::uuid,
       b.reply_openers[1 + r.h % 6] || b.advice[1 + (r.h / 6) % 16] || b.closings[1 + (r.h / 97) % 8],
       r.created_at, 1
FROM bench_reply r CROSS JOIN bench_words b;

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
