#!/usr/bin/env bash
# The benchmark of Learning Log against the database's own limit (DESIGN.md §10 "Budgets").
#
#   bench/run.sh            full run: 200 groups x 12 members x 52 weeks; writes docs/benchmarks.md
#                           (with a group's 52-week insights and the organisation's, by an administrator in no group)
#   bench/run.sh --smoke    tiny seed, a few seconds per endpoint; fails if any request failed (for CI)
#   options: --no-build (use the jar in target/quarkus-app), --help
#
# Phases (BENCH_PHASES, default "endpoints jobs"): endpoints = the seed, SQL capture, plans, start-up and RSS,
# every endpoint's peak and half-peak latency; startup = the seed, start-up and RSS only; jobs = the reminder
# scan over its own seed (1,000,000 members in 100,000 groups; 10,000 with --smoke) and the dispatch of its
# emails to a local SMTP sink (bench/SmtpSink.java), every email counted once by its Message-ID.
#
# It seeds its own database (dropped and recreated each run), starts the packaged service, measures start-up
# time and resident memory, drives each hot endpoint with wrk at its peak and with a fixed-rate generator
# at half that peak, runs pgbench on the SQL the week's log endpoint issues (captured from PostgreSQL's own
# statement log) at the same concurrency, and reports everything as a Markdown table.
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), BENCH_DB (learninglog_bench),
# BENCH_PORT (first free port from 18080), BENCH_CONNECTIONS (16; wrk connections = pgbench clients),
# BENCH_PEAK_SECONDS, BENCH_FIXED_SECONDS, BENCH_WARMUP_SECONDS, BENCH_WARMUP_ROUNDS (at most this many rounds of
# BENCH_WARMUP_SECONDS before an endpoint's peak, until two in a row are not 3 % faster than the fastest before them), BENCH_GROUPS, BENCH_MEMBERS_PER_GROUP,
# BENCH_WEEKS, BENCH_JAVA_HOME (the measured service's JDK; a JDK 25 as the Dockerfile's, below), BENCH_JAVA_OPTS (its
# JVM options; the Dockerfile's, below), BENCH_MALLOC_ARENA_MAX (2, as the Dockerfile; empty for glibc's default), BENCH_APPCDS (1; 0 to start without a class archive), BENCH_PG_SETTINGS (random_page_cost=1.1; empty for PostgreSQL's
# defaults), BENCH_OUTPUT (the Markdown file a full run writes; docs/benchmarks.md), BENCH_WORK (target/bench: its
# files), BENCH_PHASES,
# BENCH_JOBS_GROUPS, BENCH_JOBS_MEMBERS_PER_GROUP, BENCH_JOBS_DISPATCH (emails the dispatch sends; the other
# reminders the scan enqueued are deleted first), BENCH_ONLY (endpoints to measure, e.g. "week_log"; all by
# default; the report is then written to target/bench/results.md only).
# Needs Java 17+ with javac, PostgreSQL reachable as for the tests (its server log readable, for the SQL
# capture), and root or sudo to install missing Debian packages.
#
# Every load phase is bounded in time and only talks to 127.0.0.1.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)

# ------------------------------------------------------------------------------------------------------------
# Settings
# ------------------------------------------------------------------------------------------------------------
MODE=full
BUILD=1
for arg in "$@"; do
  case "$arg" in
    --smoke) MODE=smoke ;;
    --no-build) BUILD=0 ;;
    -h|--help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# Weeks are ISO weeks of UTC dates, in the seed, the request lists and pgbench alike.
export PGTZ=UTC
DB=${BENCH_DB:-learninglog_bench}
SCHEMA=learninglog
WORK=${BENCH_WORK:-$ROOT/target/bench}
if [[ $MODE == smoke ]]; then
  GROUPS_N=${BENCH_GROUPS:-3} PER_GROUP=${BENCH_MEMBERS_PER_GROUP:-12} WEEKS=${BENCH_WEEKS:-4}
  CONNECTIONS=${BENCH_CONNECTIONS:-4}
  WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-1} PEAK_SECONDS=${BENCH_PEAK_SECONDS:-2} FIXED_SECONDS=${BENCH_FIXED_SECONDS:-2}
  SAMPLE=500 REST_SECONDS=5 ROUNDS=1 WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-1}
else
  GROUPS_N=${BENCH_GROUPS:-200} PER_GROUP=${BENCH_MEMBERS_PER_GROUP:-12} WEEKS=${BENCH_WEEKS:-52}
  CONNECTIONS=${BENCH_CONNECTIONS:-16}
  WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-10} PEAK_SECONDS=${BENCH_PEAK_SECONDS:-15} FIXED_SECONDS=${BENCH_FIXED_SECONDS:-15}
  SAMPLE=5000 REST_SECONDS=15 ROUNDS=3 WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-12}
fi
MEMBERS=$((GROUPS_N * PER_GROUP))
# The jobs phase: its own members in groups (next to the endpoints' seed), and how many of the reminders the
# scan enqueues are dispatched (at 1,000 emails/s all million would take a quarter of an hour).
if [[ $MODE == smoke ]]; then
  JOBS_GROUPS=${BENCH_JOBS_GROUPS:-1000} JOBS_PER_GROUP=${BENCH_JOBS_MEMBERS_PER_GROUP:-10} JOBS_DISPATCH=${BENCH_JOBS_DISPATCH:-1000}
else
  JOBS_GROUPS=${BENCH_JOBS_GROUPS:-100000} JOBS_PER_GROUP=${BENCH_JOBS_MEMBERS_PER_GROUP:-10} JOBS_DISPATCH=${BENCH_JOBS_DISPATCH:-30000}
fi
JOBS_MEMBERS=$((JOBS_GROUPS * JOBS_PER_GROUP))
PHASES=" ${BENCH_PHASES:-endpoints jobs} "
phase() { [[ $PHASES == *" $1 "* ]]; }
WRK_THREADS=$(( $(nproc) < CONNECTIONS ? $(nproc) : CONNECTIONS ))
# The service's JVM options: the Dockerfile's (decisions 124, 133). G1 with a capped heap that it gives back when idle
# (periodic GC, tight free ratios), marking from a fixed 70 % (an adaptive threshold below the live set marks
# without pause), a
# trimmed native heap and two malloc arenas keep RSS at rest low;
# TrimNativeHeapInterval needs JDK 17.0.9+ or 21.0.1+.
JAVA_OPTS_BENCH=${BENCH_JAVA_OPTS-"-XX:+UseG1GC -Xms32m -Xmx256m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=70 -XX:TrimNativeHeapInterval=5000"}
# The Dockerfile's environment of the JVM: glibc's malloc with two arenas instead of eight per core.
MALLOC_ARENAS=${BENCH_MALLOC_ARENA_MAX-2}
# The service's JVM: a Java 25 like the Dockerfile's (decision 124): BENCH_JAVA_HOME, else java on the PATH if it is
# 25 or later, else a JDK 25 under /usr/lib/jvm; failing all, java on the PATH (then not the shipped configuration).
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ { print $2 }'; }
JAVA_HOME_BENCH=${BENCH_JAVA_HOME:-}
SERVICE_JAVA=java
if [[ -n $JAVA_HOME_BENCH && -x $JAVA_HOME_BENCH/bin/java ]]; then
  SERVICE_JAVA=$JAVA_HOME_BENCH/bin/java
elif PATH_JAVA_FEATURE=$(java_feature java 2>/dev/null) && ((${PATH_JAVA_FEATURE:-0} < 25)); then
  for candidate in /usr/lib/jvm/*25*/bin/java; do
    [[ -x $candidate ]] && SERVICE_JAVA=$candidate && break
  done
fi
# The class archive for the measured start, written by a training start of the run like the Dockerfile's
# (BENCH_APPCDS=0 to measure without): on JDK 25+ the ahead-of-time cache (JEP 483/514/515: classes loaded and
# linked, method profiles; with the aot-jar packaging it covers the application's classes too), on older JDKs
# application class-data sharing (AppCDS).
APPCDS=${BENCH_APPCDS:-1}
# PostgreSQL settings of the benchmark database (ALTER DATABASE ... SET), for HTTP and pgbench alike.
PG_SETTINGS=${BENCH_PG_SETTINGS-"random_page_cost=1.1"}
OUTPUT=${BENCH_OUTPUT:-$ROOT/docs/benchmarks.md}

# The endpoints, in the order they run (reads before writes, so writes do not change what reads see).
ENDPOINTS=(week_log thread questions search similar experts group_insights org_insights put_entry post_reply)
declare -A LABEL=(
  [week_log]='`GET /groups/{g}/weeks/{week}/entries` (week'"'"'s log)'
  [thread]='`GET /entries/{id}/replies` (thread)'
  [questions]='`GET /questions?status=OPEN`'
  [search]='`GET /search?q=` (one word, two words, a phrase, misspelled)'
  [similar]='`GET /questions/similar?groupId=&text=` (words and meaning)'
  [experts]='`GET /experts?topic=`'
  [group_insights]='`GET /groups/{g}/insights` (52 weeks)'
  [org_insights]='`GET /insights` (every group, 12 weeks; administrator)'
  [put_entry]='`PUT /groups/{g}/weeks/current/entries/me`'
  [post_reply]='`POST /entries/{id}/replies`'
)
# BENCH_ONLY: a subset of the endpoints, for iterating on one of them.
if [[ -n ${BENCH_ONLY:-} ]]; then read -ra ENDPOINTS <<<"$BENCH_ONLY"; fi

SERVICE_PID=
FAILURES=0
declare -A R   # results, keyed "<endpoint>.<measure>"

log() { printf '%s [bench] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }
psql_db() { psql -X -q -v ON_ERROR_STOP=1 -d "$DB" "$@"; }
# A load phase that fails must not hide the others; it is counted and the run fails at the end.
fail() { log "FAILURE: $*"; FAILURES=$((FAILURES + 1)); }

# ------------------------------------------------------------------------------------------------------------
# Tools
# ------------------------------------------------------------------------------------------------------------
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v pgbench >/dev/null || missing+=(postgresql-contrib)
  command -v psql >/dev/null || missing+=(postgresql-client)
  if ((${#missing[@]})); then
    log "installing ${missing[*]} (Debian packages)"
    local sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  command -v pgbench >/dev/null || die "pgbench is missing (PostgreSQL's contrib/client package)"
  command -v java >/dev/null || die "java is missing"
  mkdir -p "$WORK/classes"
  javac -nowarn -d "$WORK/classes" "$ROOT/bench/BenchTool.java" "$ROOT/bench/SmtpSink.java"
  # Native-heap trimming came with JDK 17.0.9 and 21.0.1; without it the JVM would refuse to start.
  if [[ $JAVA_OPTS_BENCH == *TrimNativeHeapInterval* ]] && ! "$SERVICE_JAVA" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
    log "this JVM has no -XX:TrimNativeHeapInterval; measuring without it"
    JAVA_OPTS_BENCH=$(sed -E 's/ ?-XX:TrimNativeHeapInterval=[0-9]+//' <<<"$JAVA_OPTS_BENCH")
  fi
}

bench_tool() { java -cp "$WORK/classes" BenchTool "$@"; }

build() {
  if ((BUILD)); then
    log "building: ./mvnw -B package -DskipTests"
    ./mvnw -B -q package -DskipTests >"$WORK/build.log" 2>&1 || { tail -50 "$WORK/build.log" >&2; die "build failed"; }
  fi
  [[ -f target/quarkus-app/quarkus-run.jar ]] || die "no target/quarkus-app/quarkus-run.jar; build first or drop --no-build"
}

# ------------------------------------------------------------------------------------------------------------
# The service
# ------------------------------------------------------------------------------------------------------------
free_port() {
  local port=${BENCH_PORT:-18080}
  if [[ -n ${BENCH_PORT:-} ]]; then echo "$port"; return; fi
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# start_service NAME [JVM option...]: starts the packaged service against the benchmark database and waits
# until it is ready; sets STARTUP_MS (launch to first 200 of /q/health/ready).
# The background jobs (reminders, mail dispatch) are off and mail is mocked: this measures the endpoints; the
# jobs get their own measurements.
start_service() {
  local name=$1; shift
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  # Metrics live on the management interface; give it a port of its own, above the service's.
  MANAGEMENT_PORT=$((PORT + 1))
  while (echo >"/dev/tcp/127.0.0.1/$MANAGEMENT_PORT") 2>/dev/null; do MANAGEMENT_PORT=$((MANAGEMENT_PORT + 1)); done
  local started
  started=$(date +%s%N)
  # Rate limits stay on (their statement is part of every request measured) but far above the load, which comes
  # from one address at thousands of requests a minute per member.
  # shellcheck disable=SC2086
  env QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
      QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
      LEARNINGLOG_SCHEMA="$SCHEMA" \
      QUARKUS_HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
      LEARNINGLOG_PUBLIC_BASE_URL=https://bench.invalid \
      LEARNINGLOG_REMINDERS_EVERY=off LEARNINGLOG_MAIL_DISPATCH_EVERY=off LEARNINGLOG_THREAD_MAIL_EVERY=off QUARKUS_MAILER_MOCK=true \
      LEARNINGLOG_SIMILAR_EMBED_EVERY=off LEARNINGLOG_EXPERTS_SUGGEST_EVERY=off LEARNINGLOG_WEBHOOKS_DISPATCH_EVERY=off \
      LEARNINGLOG_RATE_LIMITS_PER_CALLER_PER_MINUTE=1000000000 LEARNINGLOG_RATE_LIMITS_PER_ADDRESS_PER_MINUTE=1000000000 \
      LEARNINGLOG_RATE_LIMITS_SEARCH_PER_CALLER_PER_MINUTE=1000000000 LEARNINGLOG_RATE_LIMITS_SEARCH_PER_ADDRESS_PER_MINUTE=1000000000 \
      LEARNINGLOG_UNSUBSCRIBE_SIGNING_KEY=bench-only-unsubscribe-signing-key-not-secret \
      LEARNINGLOG_SIGN_IN_SIGNING_KEY=bench-only-sign-in-signing-key-not-secret-at-all \
      LEARNINGLOG_REPLY_BY_EMAIL_SIGNING_KEY=bench-only-reply-by-email-signing-key-not-secret \
      ${MALLOC_ARENAS:+MALLOC_ARENA_MAX=$MALLOC_ARENAS} \
      "$SERVICE_JAVA" $JAVA_OPTS_BENCH "$@" -jar target/quarkus-app/quarkus-run.jar >"$WORK/service-$name.log" 2>&1 &
  SERVICE_PID=$!
  local deadline=$((started + 180000000000))
  until curl -fs -o /dev/null "$BASE/q/health/ready"; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      tail -30 "$WORK/service-$name.log" >&2
      SERVICE_PID=
      die "the service ($name) exited during start-up; see $WORK/service-$name.log"
    fi
    (($(date +%s%N) < deadline)) || die "the service ($name) was not ready within 180 s"
    sleep 0.02
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
  log "service ($name) ready on port $PORT in $STARTUP_MS ms (pid $SERVICE_PID)"
}

stop_service() {
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    # Up to 3 minutes: a JVM assembling its ahead-of-time cache at exit takes seconds on a quiet machine, 40 s and
    # more on a busy one (killed, it leaves no cache).
    for _ in $(seq 1 1800); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVICE_PID/status"; }

# Samples the service's RSS every 200 ms in the background; rss_sampling_stop prints the largest seen.
rss_sampling_start() {
  (
    max=0
    while kill -0 "$SERVICE_PID" 2>/dev/null; do
      now=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null || echo 0)
      ((now > max)) && max=$now && echo "$max" >"$WORK/rss-max"
      sleep 0.2
    done
  ) &
  RSS_SAMPLER=$!
  echo 0 >"$WORK/rss-max"
}
rss_sampling_stop() {
  kill "$RSS_SAMPLER" 2>/dev/null || true
  wait "$RSS_SAMPLER" 2>/dev/null || true
  awk '{ printf "%.0f", $1 / 1024 }' "$WORK/rss-max"
}

cleanup() {
  local status=$?
  stop_service
  psql -X -q -d postgres -c "ALTER DATABASE $DB RESET log_statement" >/dev/null 2>&1 || true
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------------------
# Data
# ------------------------------------------------------------------------------------------------------------
recreate_database() {
  log "recreating database $DB"
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  local setting
  for setting in $PG_SETTINGS; do
    psql -X -q -d postgres -c "ALTER DATABASE $DB SET ${setting%%=*} = '${setting#*=}'" >/dev/null
  done
}

seed() {
  log "seeding $GROUPS_N groups x $PER_GROUP members x $WEEKS weeks"
  local t0; t0=$(date +%s)
  psql_db -v groups="$GROUPS_N" -v per_group="$PER_GROUP" -v weeks="$WEEKS" -f bench/seed.sql >/dev/null
  # Numbers behind the ids, for the request lists only (not part of the service's schema).
  psql_db >/dev/null <<SQL
CREATE SCHEMA bench;
CREATE TABLE bench.member_n AS
SELECT n, (n - 1) / $PER_GROUP + 1 AS g, md5('member-' || n)::uuid AS member_id,
       md5('group-' || ((n - 1) / $PER_GROUP + 1))::uuid AS group_id
FROM generate_series(1, $MEMBERS) n;
CREATE INDEX ON bench.member_n (group_id);
ANALYZE bench.member_n;
-- An administrator in no group, for the organisation's insights; token secret 'll_bench_admin'.
INSERT INTO $SCHEMA.member (id, display_name, email, time_zone, role, active, created_at, updated_at)
VALUES (md5('bench-admin')::uuid, 'Bench Administrator', 'admin@bench.invalid', 'UTC', 'ADMIN', true,
        now() - interval '400 days', now() - interval '400 days');
INSERT INTO $SCHEMA.access_token (id, member_id, name, prefix, token_hash, created_at, last_used_at)
VALUES (md5('token-bench-admin')::uuid, md5('bench-admin')::uuid, 'bench client', 'll_bench_a',
        encode(sha256(convert_to('ll_bench_admin', 'UTF8')), 'hex'), now() - interval '400 days',
        now() - interval '1 day');
SQL
  R[seed.seconds]=$(($(date +%s) - t0))
  R[seed.rows]=$(psql_db -tA -c "SELECT format('%s entries, %s with a question, %s replies, %s members, %s groups',
      (SELECT count(*) FROM $SCHEMA.entry), (SELECT count(*) FROM $SCHEMA.entry WHERE question IS NOT NULL),
      (SELECT count(*) FROM $SCHEMA.reply), (SELECT count(*) FROM $SCHEMA.member),
      (SELECT count(*) FROM $SCHEMA.learning_group))")
  log "seeded: ${R[seed.rows]} in ${R[seed.seconds]} s"
}

# The questions' sentence embeddings, as the service's job computes them in production (similar questions compare
# the text being written with them). The seed's questions repeat (about 1,400 distinct texts), so only one question
# of each text is left for the job, run by a start of its own every second; the others get the same vector after.
embed_questions() {
  [[ " ${ENDPOINTS[*]} " == *" similar "* ]] || return 0
  log "embedding the seed's questions (the service's job, once per distinct text)"
  local t0; t0=$(date +%s)
  psql_db >/dev/null <<SQL
SET search_path TO $SCHEMA;
CREATE TABLE bench.question_text AS
SELECT DISTINCT ON (question) id, question FROM $SCHEMA.search_document
WHERE kind = 'ENTRY' AND has_question ORDER BY question, id;
-- An empty embedding is not null: the job passes these by until they get their text's vector below.
UPDATE $SCHEMA.search_document d SET embedding = ''
WHERE d.kind = 'ENTRY' AND d.has_question AND d.id NOT IN (SELECT id FROM bench.question_text);
SQL
  local missing
  start_service embed -Dlearninglog.similar.embed-every=1s
  for _ in $(seq 1 900); do
    missing=$(psql_db -tA -c "SELECT count(*) FROM $SCHEMA.search_document WHERE kind = 'ENTRY' AND has_question AND embedding IS NULL")
    ((missing == 0)) && break
    sleep 1
  done
  stop_service
  ((missing == 0)) || die "$missing questions still without an embedding after 15 minutes"
  psql_db >/dev/null <<SQL
SET search_path TO $SCHEMA;
UPDATE $SCHEMA.search_document d SET embedding = e.embedding
FROM bench.question_text t JOIN $SCHEMA.search_document e ON e.id = t.id
WHERE d.embedding = '' AND d.question = t.question AND d.kind = 'ENTRY';
VACUUM ANALYZE $SCHEMA.search_document;
SQL
  R[embed.texts]=$(psql_db -tA -c "SELECT count(*) FROM bench.question_text")
  R[embed.seconds]=$(($(date +%s) - t0))
  log "embedded ${R[embed.texts]} distinct questions in ${R[embed.seconds]} s"
}

# The request lists: METHOD <tab> PATH <tab> TOKEN [<tab> BODY], random but always authorised (a member's
# own token for their own group, or for an entry of their group).
make_request_lists() {
  log "writing request lists ($SAMPLE requests each)"
  local weeks_expr="to_char(current_date - 7 * floor(random() * $WEEKS)::int, 'IYYY-\"W\"IW')"
  psql_db -tA -F $'\t' -o "$WORK/week_log.tsv" -c "
    SELECT 'GET', '/api/v1/groups/' || b.group_id || '/weeks/' || $weeks_expr || '/entries', 'll_bench_' || b.n
    FROM (SELECT i, 1 + floor(random() * $MEMBERS)::int AS n FROM generate_series(1, $SAMPLE) i) s
    JOIN bench.member_n b USING (n)"
  psql_db -tA -F $'\t' -o "$WORK/thread.tsv" -c "
    SELECT 'GET', '/api/v1/entries/' || e.id || '/replies', 'll_bench_' || r.n
    FROM (SELECT id, group_id FROM $SCHEMA.entry WHERE question IS NOT NULL AND reply_count > 0
          ORDER BY random() LIMIT $SAMPLE) e
    CROSS JOIN LATERAL (SELECT n FROM bench.member_n b WHERE b.group_id = e.group_id ORDER BY random() LIMIT 1) r"
  psql_db -tA -F $'\t' -o "$WORK/questions.tsv" -c "
    SELECT 'GET', '/api/v1/questions?status=OPEN', 'll_bench_' || b.n
    FROM (SELECT i, 1 + floor(random() * $MEMBERS)::int AS n FROM generate_series(1, $SAMPLE) i) s
    JOIN bench.member_n b USING (n)"
  # Search: by turns one word, two words, a phrase and a misspelled word (found by its spelling, in a second
  # statement), from the seed's vocabulary; the first four lines are one of each (their plans are captured).
  psql_db -tA -F $'\t' -o "$WORK/search.tsv" -c "
    SELECT 'GET', '/api/v1/search?q=' || replace(replace(
             CASE s.i % 4
               WHEN 1 THEN (ARRAY['supplier', 'crates', 'delivery', 'packaging', 'labels', 'energy', 'franchise',
                                  'budget', 'baler', 'thermostats', 'receipts', 'donation', 'pallet', 'solar',
                                  'routine', 'checklist', 'breakage', 'permit', 'training', 'grant'])[1 + s.i % 20]
               WHEN 2 THEN (ARRAY['supplier delivery', 'cold rooms', 'food donation', 'waste sorting', 'night shift',
                                  'carbon target', 'shelf labels', 'glass bottles', 'electric van', 'loading dock',
                                  'pilot budget', 'penalty clause'])[1 + s.i % 12]
               WHEN 3 THEN (ARRAY['\"pallet wrap\"', '\"penalty clause\"', '\"night shift\"',
                                  '\"shared spreadsheet\"', '\"franchise stores\"', '\"holiday peak\"',
                                  '\"cold rooms\"', '\"regional meeting\"'])[1 + s.i % 8]
               ELSE (ARRAY['suplier', 'cardbord', 'thermostatts', 'reciepts', 'frachise', 'donaton', 'detergant',
                           'sollar'])[1 + s.i % 8]
             END, ' ', '%20'), '\"', '%22'),
           'll_bench_' || b.n
    FROM (SELECT i, 1 + floor(random() * $MEMBERS)::int AS n FROM generate_series(1, $SAMPLE) i) s
    JOIN bench.member_n b USING (n) ORDER BY s.i"
  # Similar questions: a question as a member would type it, in words other than the seed's; the service embeds
  # it and compares it with the group's questions, as for every user.
  psql_db -tA -F $'\t' -o "$WORK/similar.tsv" -c "
    SELECT 'GET', '/api/v1/questions/similar?groupId=' || b.group_id || '&text=' || replace(replace(replace(
             (ARRAY['How do we get suppliers to send their carbon figures?',
                    'Anyone using reusable crates with franchise stores?',
                    'Is LED lighting in the cold rooms worth the money?',
                    'How can I make staff sort waste correctly on every shift?',
                    'Which numbers convince the board that new packaging pays off?',
                    'Does a deposit on glass bottles work in small stores?',
                    'Who has a good partner for food donations every day?',
                    'How do you stop crates breaking during delivery?',
                    'What did heat pumps cost for a small shop?',
                    'Any experience with an electric van for city deliveries?',
                    'How to get customers to use the refill station?',
                    'What is a cheaper option than compostable wrap for pallets?',
                    'How do you report sustainability to the board each month?',
                    'Has anyone trained new staff with short videos?',
                    'Do solar panels on the warehouse pay back within five years?',
                    'How do you keep a pilot running once the budget is gone?'])[1 + s.i % 16],
             ' ', '%20'), '?', '%3F'), ',', '%2C'),
           'll_bench_' || b.n
    FROM (SELECT i, 1 + floor(random() * $MEMBERS)::int AS n FROM generate_series(1, $SAMPLE) i) s
    JOIN bench.member_n b USING (n)"
  # Who knows what: a tag or words.
  psql_db -tA -F $'\t' -o "$WORK/experts.tsv" -c "
    SELECT 'GET', '/api/v1/experts?topic=' || replace(
             (ARRAY['packaging', 'suppliers', 'energy', 'food-waste', 'logistics', 'transport', 'heating',
                    'recycling', 'reusable crates', 'cold rooms', 'franchise', 'pallet wrap', 'staff-training',
                    'water', 'audits', 'reporting'])[1 + s.i % 16], ' ', '%20'),
           'll_bench_' || b.n
    FROM (SELECT i, 1 + floor(random() * $MEMBERS)::int AS n FROM generate_series(1, $SAMPLE) i) s
    JOIN bench.member_n b USING (n)"
  # A group's last 52 weeks (its member's own token); every group's default 12 weeks (the administrator).
  psql_db -tA -F $'\t' -o "$WORK/group_insights.tsv" -c "
    SELECT 'GET', '/api/v1/groups/' || b.group_id || '/insights?from='
                  || to_char(current_date - 7 * 51, 'IYYY-\"W\"IW') || '&to=' || to_char(current_date, 'IYYY-\"W\"IW'),
           'll_bench_' || b.n
    FROM (SELECT i, 1 + floor(random() * $MEMBERS)::int AS n FROM generate_series(1, $SAMPLE) i) s
    JOIN bench.member_n b USING (n)"
  psql_db -tA -F $'\t' -o "$WORK/org_insights.tsv" -c "
    SELECT 'GET', '/api/v1/insights', 'll_bench_admin' FROM generate_series(1, 10)"
  psql_db -tA -F $'\t' -o "$WORK/put_entry.tsv" -c "
    SELECT 'PUT', '/api/v1/groups/' || b.group_id || '/weeks/current/entries/me', 'll_bench_' || b.n,
           json_strip_nulls(json_build_object(
             'tried', 'Benchmark run ' || i || ': moved the returns desk next to the entrance and counted how many'
                      || ' customers brought packaging back during the first week.',
             'failed', 'The signage arrived late, so the first three days had almost no returns at all.',
             'question', CASE WHEN i % 3 = 0 THEN 'How did you get customers to notice the returns point?' END,
             'tags', json_build_array('returns', 'store-layout')))::text
    FROM (SELECT i, 1 + floor(random() * $MEMBERS)::int AS n FROM generate_series(1, $SAMPLE) i) s
    JOIN bench.member_n b USING (n)"
  psql_db -tA -F $'\t' -o "$WORK/post_reply.tsv" -c "
    SELECT 'POST', '/api/v1/entries/' || e.id || '/replies', 'll_bench_' || r.n,
           json_build_object('body', 'We tried that too; what worked for us was a weekly call with the supplier'
                                     || ' and one shared spreadsheet. Happy to share it.')::text
    FROM (SELECT id, group_id FROM $SCHEMA.entry WHERE question IS NOT NULL AND deleted_at IS NULL
          ORDER BY random() LIMIT $SAMPLE) e
    CROSS JOIN LATERAL (SELECT n FROM bench.member_n b WHERE b.group_id = e.group_id ORDER BY random() LIMIT 1) r"
  local endpoint
  for endpoint in "${ENDPOINTS[@]}"; do
    [[ -s $WORK/$endpoint.tsv ]] || die "empty request list for $endpoint"
  done
}

# ------------------------------------------------------------------------------------------------------------
# The SQL each endpoint issues, from PostgreSQL's own statement log
# ------------------------------------------------------------------------------------------------------------
server_log_file() {
  local file
  file=$(psql -X -tA -d postgres -c "SELECT coalesce(current_setting('data_directory') || '/' || pg_current_logfile(), '')" 2>/dev/null || true)
  if [[ -z $file ]] && command -v pg_lsclusters >/dev/null; then
    file=$(pg_lsclusters --no-header | awk -v port="$PGPORT" '$3 == port { print $NF }' | head -1)
  fi
  [[ -n $file && -r $file ]] && echo "$file"
}

# capture NAME REQUEST_LINE: the statements one request issues, into $WORK/sql/NAME.log (PostgreSQL log lines).
capture() {
  local name=$1 line=$2 method path token body marker offset
  IFS=$'\t' read -r method path token body <<<"$line"
  local args=(-s -o /dev/null -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token")
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
  # A first request warms the caches and notes the token's last use, so the captured one is the usual case.
  curl "${args[@]}" "$BASE$path" >/dev/null
  marker="bench-capture-$name-$$-$RANDOM"
  offset=$(stat -c %s "$SERVER_LOG")
  psql_db -c "SELECT '$marker-begin'" >/dev/null
  local code; code=$(curl "${args[@]}" "$BASE$path")
  psql_db -c "SELECT '$marker-end'" >/dev/null
  [[ $code == 2* ]] || fail "capturing $name: $method $path answered $code"
  for _ in $(seq 1 50); do
    tail -c +"$((offset + 1))" "$SERVER_LOG" | grep -q "$marker-end" && break
    sleep 0.1
  done
  tail -c +"$((offset + 1))" "$SERVER_LOG" \
    | sed -n "/$marker-begin/,/$marker-end/p" | grep -v "bench-capture-" >"$WORK/sql/$name.log" || true
  R[$name.sql]=$(bench_tool count-statements "$WORK/sql/$name.log")
  log "$name issues ${R[$name.sql]}"
}

capture_sql() {
  SERVER_LOG=$(server_log_file) || true
  if [[ -z ${SERVER_LOG:-} ]]; then
    [[ $MODE == smoke ]] || die "cannot find PostgreSQL's log file (pg_current_logfile() or pg_lsclusters)"
    log "no PostgreSQL log file found; skipping the SQL capture and pgbench"
    return
  fi
  log "capturing each endpoint's SQL from $SERVER_LOG"
  mkdir -p "$WORK/sql"
  psql -X -q -d postgres -c "ALTER DATABASE $DB SET log_statement = 'all'" >/dev/null
  start_service capture
  local endpoint i
  for endpoint in "${ENDPOINTS[@]}"; do
    capture "$endpoint" "$(head -1 "$WORK/$endpoint.tsv")"
  done
  # The other kinds of search (two words, a phrase, misspelled), for their plans.
  for i in 2 3 4; do
    capture "search_$i" "$(sed -n "${i}p" "$WORK/search.tsv")"
  done
  stop_service
  psql -X -q -d postgres -c "ALTER DATABASE $DB RESET log_statement" >/dev/null

  # The week's log request: its member n, group g and week w give the values pgbench derives from variables.
  local n w week
  IFS=$'\t' read -r _ path token _ <<<"$(head -1 "$WORK/week_log.tsv")"
  n=${token#ll_bench_}
  week=$(sed -E 's#.*/weeks/([^/]+)/entries#\1#' <<<"$path")
  w=$(psql_db -tA -c "SELECT w FROM generate_series(0, $WEEKS - 1) w
                      WHERE to_char(current_date - 7 * w, 'IYYY-\"W\"IW') = '$week'")
  local member group hash monday
  IFS='|' read -r member group hash monday < <(psql_db -tA -c "SELECT md5('member-' || $n)::uuid, md5('group-' || ((($n - 1) / $PER_GROUP) + 1))::uuid,
                                  encode(sha256(convert_to('ll_bench_' || $n, 'UTF8')), 'hex'), date_trunc('week', current_date - 7 * $w)::date")
  bench_tool pgbench-script "$WORK/sql/week_log.log" "$WORK/week_log.pgbench" \
    "\\set m random(1, $MEMBERS)" "\\set g (:m - 1) / $PER_GROUP + 1" "\\set w random(0, $((WEEKS - 1)))" \
    "$hash=>encode(sha256(convert_to('ll_bench_' || :m, 'UTF8')), 'hex')" \
    "$member=>md5('member-' || :m)::uuid" \
    "$group=>md5('group-' || :g)::uuid" \
    "$week=>to_char(current_date - 7 * :w, 'IYYY-\"W\"IW')" \
    "$monday=>date_trunc('week', current_date - 7 * :w)::date" \
    "member:$member=>'member:' || md5('member-' || :m)::uuid" \
    "address:127.0.0.1=>'address:' || '127.0.0.1'"
  # The rate limit's window is the minute of the request: pgbench counts in its own minute, and a literal
  # '…08:36:00+00' would read as pgbench variables (:36, :00).
  sed -E -i "s/'[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:00\+00'(::[a-z ]+)?/date_trunc('minute', now())/g" \
    "$WORK/week_log.pgbench"
  grep -q ':m' "$WORK/week_log.pgbench" && grep -q ':g' "$WORK/week_log.pgbench" && grep -q ':w' "$WORK/week_log.pgbench" \
    || die "the captured week's log SQL did not bind the member, group and week as expected; see $WORK/week_log.pgbench"
}

# ------------------------------------------------------------------------------------------------------------
# Measurements; each one a function, so adding one (reminder scan, dispatch rate) is adding a function
# that fills R[...] and a line in report().
# ------------------------------------------------------------------------------------------------------------
# The plans of the group's memory: EXPLAIN (ANALYZE, BUFFERS) of each captured read of search_document or entry,
# run again with the values the request bound, into $WORK/plans/NAME.txt. At the full seed a sequential scan of
# either table fails the run; the smoke seed is too small for the planner to prefer an index, so there it is only
# reported.
PLANNED=(search search_2 search_3 search_4 similar experts)
explain_plans() {
  [[ -d $WORK/sql ]] || return 0
  mkdir -p "$WORK/plans"
  local name count scans seq time
  for name in "${PLANNED[@]}"; do
    [[ -s $WORK/sql/$name.log ]] || { R[$name.plan]='not captured'; continue; }
    count=$(bench_tool explain-script "$WORK/sql/$name.log" "$WORK/plans/$name.sql" '\b(search_document|entry)\b')
    if ((count == 0)); then R[$name.plan]='no statement on search_document or entry'; continue; fi
    PGOPTIONS="-c search_path=$SCHEMA" psql -X -q -v ON_ERROR_STOP=1 -d "$DB" -f "$WORK/plans/$name.sql" \
      >"$WORK/plans/$name.txt" 2>&1 || { fail "EXPLAIN of $name (see $WORK/plans/$name.txt)"; R[$name.plan]='EXPLAIN failed'; continue; }
    # The scans of each plan, the slowest statement's execution time.
    scans=$(grep -oE '(Seq Scan on|Index Scan using|Index Only Scan using|Bitmap Index Scan on) [a-z_]+' "$WORK/plans/$name.txt" \
              | sed -E 's/ (on|using) / /' | sort | uniq -c | sort -rn | awk '{ n = $1; $1 = ""; printf "%s%s%s", sep, substr($0, 2), (n > 1 ? " ×" n : ""); sep = ", " }')
    time=$(grep -oE 'Execution Time: [0-9.]+' "$WORK/plans/$name.txt" | grep -oE '[0-9.]+' | sort -rn | head -1)
    R[$name.plan]="$count statement(s), slowest ${time:-?} ms; $scans"
    seq=$(grep -cE 'Seq Scan on (entry|search_document)( |$)' "$WORK/plans/$name.txt" || true)
    if ((seq > 0)); then
      R[$name.plan]="**sequential scan** — ${R[$name.plan]}"
      if [[ $MODE == smoke ]]; then
        log "$name: a plan scans entry or search_document sequentially (smoke seed: reported only); see $WORK/plans/$name.txt"
      else
        fail "$name: a plan scans entry or search_document sequentially; see $WORK/plans/$name.txt"
      fi
    fi
    log "$name plans: ${R[$name.plan]}"
  done
}

# The class archive for the measured start, written by a start that exits normally: an ahead-of-time cache on
# JDK 25+ (-XX:AOTCacheOutput; the JVM assembles it at exit), an AppCDS archive before.
ARCHIVE=()
make_appcds_archive() {
  ((APPCDS)) || return 0
  rm -f "$WORK/app-cds.jsa" "$WORK/app.aot"
  if "$SERVICE_JAVA" -XX:AOTCacheOutput="$WORK/probe.aot" -version >/dev/null 2>&1; then
    ARCHIVE_KIND=aot
    start_service appcds "-XX:AOTCacheOutput=$WORK/app.aot"
    stop_service
    [[ -s $WORK/app.aot ]] && ARCHIVE=("-XX:AOTCache=$WORK/app.aot")
  else
    ARCHIVE_KIND=appcds
    start_service appcds "-XX:ArchiveClassesAtExit=$WORK/app-cds.jsa"
    stop_service
    [[ -s $WORK/app-cds.jsa ]] && ARCHIVE=("-XX:SharedArchiveFile=$WORK/app-cds.jsa")
  fi
  rm -f "$WORK/probe.aot"
  if ((${#ARCHIVE[@]})); then
    R[startup.plain]=$STARTUP_MS
  else
    log "no class archive was written; measuring without"
    APPCDS=0
  fi
}

measure_startup_and_rest() {
  local cds=()
  ((APPCDS)) && cds=("${ARCHIVE[@]}")
  start_service measured "${cds[@]}"
  R[startup.ms]=$STARTUP_MS
  R[startup.quarkus]=$(grep -oE 'started in [0-9.]+s' "$WORK/service-measured.log" | head -1 | grep -oE '[0-9.]+s' || echo '?')
  R[rss.start]=$(rss_mb)
  log "warming up: ${WARMUP_SECONDS}s per endpoint"
  local endpoint
  for endpoint in "${ENDPOINTS[@]}"; do
    wrk_run "$endpoint" "$WARMUP_SECONDS" >/dev/null || true
  done
  sleep "$REST_SECONDS"
  R[rss.rest]=$(rss_mb)
  log "start-up ${R[startup.ms]} ms to ready; RSS ${R[rss.start]} MB after start, ${R[rss.rest]} MB at rest after warm-up"
}

# wrk_run ENDPOINT SECONDS: prints wrk's BENCH_RESULT line.
# wrk_run ENDPOINT SECONDS: prints wrk's BENCH_RESULT line; wrk's own CPU seconds go to $WORK/cpu-client.
wrk_run() {
  local endpoint=$1 seconds=$2 TIMEFORMAT='%3U %3S'
  { time BENCH_REQUESTS="$WORK/$endpoint.tsv" timeout $((seconds + 30)) \
      wrk -t "$WRK_THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s -s bench/requests.lua "$BASE" \
      >"$WORK/wrk-$endpoint.out" 2>&1; } 2>"$WORK/cpu-client" || { cat "$WORK/wrk-$endpoint.out" >&2; return 1; }
  grep '^BENCH_RESULT' "$WORK/wrk-$endpoint.out"
}

# Where the CPU goes: busy time of the whole machine, of the service, and of the load client, in ticks.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
service_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVICE_PID/stat"; }
client_ticks() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($1 + $2) * hz }' "$WORK/cpu-client"; }
# CPU ticks of the benchmark database's backends over a load phase, sampled every 100 ms in the background
# (a backend that comes and goes between two samples is missed; pgbench and the pool keep theirs open).
backend_ticks_start() {
  rm -f "$WORK/backend-ticks"
  (
    declare -A first last
    while :; do
      for pid in $(pgrep -f "^postgres: .* $DB "); do
        ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || continue
        [[ -n ${first[$pid]:-} ]] || first[$pid]=$ticks
        last[$pid]=$ticks
      done
      total=0
      for pid in "${!last[@]}"; do total=$((total + last[$pid] - first[$pid])); done
      # Written aside and renamed, so a reader never sees the file empty between truncation and write.
      echo "$total" >"$WORK/backend-ticks.next" && mv -f "$WORK/backend-ticks.next" "$WORK/backend-ticks"
      sleep 0.1
    done
  ) &
  BACKEND_SAMPLER=$!
}
backend_ticks_stop() {
  sleep 0.15
  kill "$BACKEND_SAMPLER" 2>/dev/null || true
  wait "$BACKEND_SAMPLER" 2>/dev/null || true
  local ticks
  ticks=$(cat "$WORK/backend-ticks" 2>/dev/null || true)
  echo "${ticks:-0}"
}
# add KEY N: R[KEY] += N
add() { R[$1]=$(( ${R[$1]:-0} + ${2:-0} )); }

field() { grep -oE "(^| )$1=[^ ]*" <<<"$2" | head -1 | cut -d= -f2; }

# warm_until_steady ENDPOINT: wrk in rounds of the warm-up time until two rounds in a row are each less than 3 %
# faster than the fastest before them (at least three rounds, at most WARMUP_ROUNDS). On 2 cores the JIT keeps
# compiling an endpoint's path for a minute under load (the week's log went 786, 1192, 1306, 1509, 1713, 1790, 1825,
# 1838 req/s in 10 s rounds); a peak measured before that is the compiler's, not the service's (decision 134). One
# flat round is not enough: PUT my entry went 138, 175, 189, 180 and then, still compiling, on to 325.
warm_until_steady() {
  local endpoint=$1 seconds=$WARMUP_SECONDS round=0 rate best=0 rates="" flat=0
  while ((round < WARMUP_ROUNDS)); do
    round=$((round + 1))
    rate=$(field rps "$(wrk_run "$endpoint" "$seconds" || true)")
    rate=${rate:-0}
    rates="$rates ${rate%.*}"
    if ((round >= 2)) && awk -v r="$rate" -v b="$best" 'BEGIN { exit !(r < 1.03 * b) }'; then
      flat=$((flat + 1))
      ((flat >= 2 || WARMUP_ROUNDS < 3)) && break
    else
      flat=0
    fi
    best=$(awk -v r="$rate" -v b="$best" 'BEGIN { print (r > b ? r : b) }')
  done
  R[$endpoint.warm_rounds]=$round
  log "$endpoint warmed in $round round(s) of $seconds s:$rates req/s"
}

# measure_peak ENDPOINT [SECONDS]: wrk at $CONNECTIONS connections; adds to the endpoint's totals, so that
# several rounds (interleaved with pgbench for the week's log) make one peak.
measure_peak() {
  local endpoint=$1 seconds=${2:-$PEAK_SECONDS} out rss
  rss_sampling_start
  out=$(wrk_run "$endpoint" "$seconds") || { rss_sampling_stop >/dev/null; fail "wrk on $endpoint"; return; }
  rss=$(rss_sampling_stop)
  ((rss > ${R[$endpoint.rss_peak]:-0})) && R[$endpoint.rss_peak]=$rss
  R[$endpoint.requests]=$(( ${R[$endpoint.requests]:-0} + $(field requests "$out") ))
  R[$endpoint.seconds]=$(awk -v a="${R[$endpoint.seconds]:-0}" -v b="$(field seconds "$out")" 'BEGIN { print a + b }')
  R[$endpoint.rps]=$(awk -v n="${R[$endpoint.requests]}" -v t="${R[$endpoint.seconds]}" 'BEGIN { printf "%.1f", n / t }')
  R[$endpoint.peak_p99]=$(awk -v a="${R[$endpoint.peak_p99]:-0}" -v b="$(field p99_ms "$out")" 'BEGIN { print (b > a ? b : a) }')
  local errors=$(( $(field non2xx "$out") + $(field socket_errors "$out") ))
  R[$endpoint.peak_errors]=$(( ${R[$endpoint.peak_errors]:-0} + errors ))
  log "$endpoint peak: $(field rps "$out") req/s at $CONNECTIONS connections, p99 $(field p99_ms "$out") ms," \
      "errors $errors (statuses $(field statuses "$out")), RSS max $rss MB"
  ((errors == 0)) || fail "$endpoint: $errors failed requests at peak (statuses $(field statuses "$out"))"
}

measure_fixed_rate() {
  local endpoint=$1 rate out
  rate=$(awk -v r="${R[$endpoint.rps]:-0}" 'BEGIN { printf "%.0f", r / 2 }')
  ((rate > 0)) || { fail "$endpoint: no peak to halve"; return; }
  rss_sampling_start
  out=$(timeout $((FIXED_SECONDS + 60)) java -cp "$WORK/classes" BenchTool fixed-rate "$BASE" "$WORK/$endpoint.tsv" "$rate" "$FIXED_SECONDS" \
        "$(awk -v s="$FIXED_SECONDS" 'BEGIN { print (s >= 10 ? 3 : 0.5) }')" "$CONNECTIONS") \
    || { rss_sampling_stop >/dev/null; fail "fixed-rate load on $endpoint"; return; }
  local rss; rss=$(rss_sampling_stop)
  ((rss > ${R[$endpoint.rss_peak]:-0})) && R[$endpoint.rss_peak]=$rss
  echo "$out" >"$WORK/fixed-$endpoint.out"
  R[$endpoint.rate]=$rate
  R[$endpoint.achieved]=$(field achieved_rate "$out")
  R[$endpoint.p50]=$(field p50_ms "$out")
  R[$endpoint.p99]=$(field p99_ms "$out")
  R[$endpoint.fixed_errors]=$(( $(field non2xx "$out") + $(field failed "$out") ))
  log "$endpoint at $rate req/s: p50 ${R[$endpoint.p50]} ms, p99 ${R[$endpoint.p99]} ms," \
      "errors ${R[$endpoint.fixed_errors]} (statuses $(field statuses "$out"), first failure $(field first_failure "$out"))"
  ((${R[$endpoint.fixed_errors]} == 0)) || fail "$endpoint: ${R[$endpoint.fixed_errors]} failed requests at fixed rate"
}

# measure_pgbench SECONDS: pgbench on the week's log SQL at the same concurrency as wrk; adds to the totals.
measure_pgbench() {
  local seconds=$1 out busy TIMEFORMAT='%3U %3S'
  local args=(-n -M prepared -c "$CONNECTIONS" -j "$WRK_THREADS" -f "$WORK/week_log.pgbench" "$DB")
  busy=$(busy_ticks)
  backend_ticks_start
  { time PGOPTIONS="-c search_path=$SCHEMA" timeout $((seconds + 30)) pgbench -T "$seconds" "${args[@]}" \
      >"$WORK/pgbench-round.out" 2>&1; } 2>"$WORK/cpu-client" \
    || { backend_ticks_stop >/dev/null; cat "$WORK/pgbench-round.out" >&2; fail "pgbench"; return; }
  add cpu.pgbench.backends "$(backend_ticks_stop)"
  out=$(cat "$WORK/pgbench-round.out")
  echo "$out" >>"$WORK/pgbench.out"
  add cpu.pgbench.busy $(( $(busy_ticks) - busy ))
  add cpu.pgbench.client "$(client_ticks)"
  add cpu.pgbench.transactions "$(grep -oE 'number of transactions actually processed: [0-9]+' <<<"$out" | grep -oE '[0-9]+$')"
  local tps latency failed
  tps=$(grep -oE 'tps = [0-9.]+' <<<"$out" | head -1 | grep -oE '[0-9.]+')
  latency=$(grep -oE 'latency average = [0-9.]+' <<<"$out" | grep -oE '[0-9.]+' || echo '?')
  failed=$(grep -oE 'number of failed transactions: [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
  ((failed == 0)) || fail "pgbench: $failed failed transactions"
  R[pgbench.rounds]=$(( ${R[pgbench.rounds]:-0} + 1 ))
  R[pgbench.tps_sum]=$(awk -v a="${R[pgbench.tps_sum]:-0}" -v b="$tps" 'BEGIN { print a + b }')
  R[pgbench.tps]=$(awk -v s="${R[pgbench.tps_sum]}" -v n="${R[pgbench.rounds]}" 'BEGIN { printf "%.1f", s / n }')
  R[pgbench.latency]=$latency
  log "pgbench on the week's log SQL: $tps tps at $CONNECTIONS clients (latency $latency ms)"
}

# The week's log against pgbench on its own SQL: alternating rounds, so both see the same machine (other
# processes on a shared machine come and go); the ratio is of the totals.
measure_week_log() {
  local seconds=$((PEAK_SECONDS / ROUNDS)) round
  if [[ -f $WORK/week_log.pgbench ]]; then
    PGOPTIONS="-c search_path=$SCHEMA" timeout $((WARMUP_SECONDS + 30)) pgbench -n -M prepared -c "$CONNECTIONS" \
      -j "$WRK_THREADS" -T "$WARMUP_SECONDS" -f "$WORK/week_log.pgbench" "$DB" >/dev/null 2>&1 || true
  fi
  warm_until_steady week_log
  local busy service requests
  for round in $(seq 1 "$ROUNDS"); do
    busy=$(busy_ticks) service=$(service_ticks) requests=${R[week_log.requests]:-0}
    backend_ticks_start
    measure_peak week_log "$seconds"
    add cpu.http.backends "$(backend_ticks_stop)"
    add cpu.http.busy $(( $(busy_ticks) - busy ))
    add cpu.http.service $(( $(service_ticks) - service ))
    add cpu.http.client "$(client_ticks)"
    add cpu.http.requests $(( ${R[week_log.requests]:-0} - requests ))
    [[ -f $WORK/week_log.pgbench ]] && measure_pgbench "$seconds"
  done
  if [[ -n ${R[pgbench.tps]:-} ]] && ((${R[cpu.http.requests]:-0} > 0 && ${R[cpu.pgbench.transactions]:-0} > 0)); then
    R[pgbench.ratio]=$(awk -v h="${R[week_log.rps]:-0}" -v p="${R[pgbench.tps]}" 'BEGIN { printf "%.2f", h / p }')
    log "week's log: ${R[week_log.rps]} req/s over HTTP, pgbench ${R[pgbench.tps]} tps: HTTP/pgbench = ${R[pgbench.ratio]}"
    # CPU milliseconds per request (or transaction): the service, the load client, and the rest of the
    # machine (PostgreSQL, the kernel, and whatever else runs).
    local hz; hz=$(getconf CLK_TCK)
    R[cpu.split]=$(awk -v hz="$hz" -v n="${R[cpu.http.requests]}" -v busy="${R[cpu.http.busy]}" \
        -v svc="${R[cpu.http.service]}" -v cli="${R[cpu.http.client]}" -v pg="${R[cpu.http.backends]}" \
        -v pn="${R[cpu.pgbench.transactions]}" -v pbusy="${R[cpu.pgbench.busy]}" -v pcli="${R[cpu.pgbench.client]}" \
        -v ppg="${R[cpu.pgbench.backends]}" 'BEGIN {
          f = 1000 / hz
          printf "per week'"'"'s-log request over HTTP: service %.2f ms, PostgreSQL backends %.2f ms, wrk %.2f ms, the rest (kernel, other processes) %.2f ms;", \
            svc * f / n, pg * f / n, cli * f / n, (busy - svc - cli - pg) * f / n
          printf " per pgbench transaction: PostgreSQL backends %.2f ms, pgbench %.2f ms, the rest %.2f ms", \
            ppg * f / pn, pcli * f / pn, (pbusy - pcli - ppg) * f / pn }')
    # What the machine did besides this benchmark shows in "the rest": about a tenth on a quiet machine (the
    # kernel's share of the traffic), much more when other work runs at the same time.
    R[cpu.rest_share]=$(awk -v busy="${R[cpu.http.busy]}" -v svc="${R[cpu.http.service]}" -v cli="${R[cpu.http.client]}" \
        -v pg="${R[cpu.http.backends]}" 'BEGIN { printf "%.0f", 100 * (busy - svc - cli - pg) / busy }')
    log "CPU ${R[cpu.split]}"
  fi
  measure_fixed_rate week_log
  measure_week_log_conditional
}

# The week's log asked again with the ETag each request got (If-None-Match), answered 304 without a body while
# nothing changed (reads run before writes): peak and half-peak latency, as for the plain log.
measure_week_log_conditional() {
  local name=week_log_conditional n=$((SAMPLE < 500 ? SAMPLE : 500)) method path token etag
  head -n "$n" "$WORK/week_log.tsv" | while IFS=$'\t' read -r method path token; do
    etag=$(curl -s -o /dev/null -w '%header{etag}' -H "Authorization: Bearer $token" "$BASE$path")
    printf '%s\t%s\t%s\t\t%s\n' "$method" "$path" "$token" "$etag"
  done >"$WORK/$name.tsv"
  grep -q $'\t"' "$WORK/$name.tsv" || { fail "$name: the week's log gave no ETag"; return; }
  warm_until_steady "$name"
  measure_peak "$name"
  R[$name.not_modified]=$(grep -oE '[=,]304:[0-9]+' "$WORK/wrk-$name.out" | grep -oE '[0-9]+$' || echo 0)
  measure_fixed_rate "$name"
  log "$name: ${R[$name.not_modified]} of ${R[$name.requests]} answered 304 at peak"
}

measure_endpoints() {
  local endpoint
  for endpoint in "${ENDPOINTS[@]}"; do
    if [[ $endpoint == week_log ]]; then
      measure_week_log
    else
      warm_until_steady "$endpoint"
      measure_peak "$endpoint"
      measure_fixed_rate "$endpoint"
    fi
  done
  sleep "$REST_SECONDS"
  R[rss.end]=$(rss_mb)
}

# ------------------------------------------------------------------------------------------------------------
# The jobs: the reminder scan and the outbox dispatch, as production runs them (the scheduler, the shipped
# settings), over a seed of their own
# ------------------------------------------------------------------------------------------------------------
seed_jobs() {
  log "seeding the jobs phase: $JOBS_GROUPS groups x $JOBS_PER_GROUP members"
  local t0; t0=$(date +%s)
  psql_db -v groups="$JOBS_GROUPS" -v per_group="$JOBS_PER_GROUP" -f bench/jobs-seed.sql >/dev/null
  R[jobs.seed_seconds]=$(($(date +%s) - t0))
  # Who the seed makes due (bench/jobs-seed.sql): not opted out, not away, not posted this week.
  R[jobs.expected]=$(psql_db -tA -c "SELECT count(*) FROM generate_series(1, $JOBS_MEMBERS) n
                                     WHERE n % 10 <> 0 AND n % 25 <> 0 AND n % 8 <> 3")
  log "seeded $JOBS_MEMBERS members in $JOBS_GROUPS groups in ${R[jobs.seed_seconds]} s; ${R[jobs.expected]} reminders due"
}

# The reminder job as scheduled in production, run every 20 s here: the first scan finds every due reminder
# (a catch-up: everyone's reminder time has passed), the second finds them all enqueued (what a scan costs
# every minute). The job logs each scan's duration, from its first statement to its last commit. The emails
# it enqueues are checked against the seed: one per due member, none for the others.
measure_reminder_scan() {
  psql_db -c "DELETE FROM $SCHEMA.outbound_email WHERE kind IN ('REMINDER', 'FOLLOW_UP')" >/dev/null
  start_service reminders -Dlearninglog.reminders.every=20s \
    -Dquarkus.log.category.\"org.learninglog.reminder.ReminderJob\".level=DEBUG
  local lines=
  for _ in $(seq 1 1200); do
    lines=$(grep -oE 'Enqueued [0-9]+ reminder emails in [0-9]+ ms' "$WORK/service-reminders.log" | head -2 || true)
    (($(wc -l <<<"$lines") >= 2)) && break
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.5
  done
  stop_service
  [[ -n $lines ]] || { fail "the reminder scan did not finish within 10 minutes (see $WORK/service-reminders.log)"; return; }
  R[jobs.scan_enqueued]=$(head -1 <<<"$lines" | awk '{ print $2 }')
  R[jobs.scan_ms]=$(head -1 <<<"$lines" | awk '{ print $6 }')
  R[jobs.scan_seconds]=$(awk -v ms="${R[jobs.scan_ms]}" 'BEGIN { printf "%.1f", ms / 1000 }')
  R[jobs.rescan_seconds]=$(sed -n 2p <<<"$lines" | awk '{ if ($6 != "") printf "%.1f", $6 / 1000; else print "?" }')
  local found duplicates
  IFS='|' read -r found duplicates < <(psql_db -tA -c "
    SELECT count(DISTINCT o.recipient_member_id), count(*) - count(DISTINCT o.recipient_member_id)
    FROM $SCHEMA.outbound_email o JOIN $SCHEMA.member m ON m.id = o.recipient_member_id
    WHERE o.kind = 'REMINDER' AND m.email LIKE 'jobs%@bench.invalid'")
  R[jobs.scan_check]="$found of ${R[jobs.expected]} due members, $duplicates twice"
  log "reminder scan over $JOBS_MEMBERS members: ${R[jobs.scan_enqueued]} enqueued in ${R[jobs.scan_ms]} ms," \
      "again (nothing new) in ${R[jobs.rescan_seconds]} s; ${R[jobs.scan_check]}"
  ((found == R[jobs.expected] && duplicates == 0)) \
    || fail "the reminder scan enqueued $found reminders for the seed's ${R[jobs.expected]} due members ($duplicates duplicates)"
}

# The dispatcher with the shipped settings (learninglog.mail.*) against the local SMTP sink: the first
# $JOBS_DISPATCH reminders by key are due, the other reminders are deleted and every other outbox row is held back. The rate is the sink's, from its
# first message to its last; every message is matched by Message-ID with the rows marked SENT.
measure_dispatch() {
  [[ -n ${R[jobs.scan_enqueued]:-} ]] || return 0
  psql_db >/dev/null <<SQL
SET search_path TO $SCHEMA;
CREATE SCHEMA IF NOT EXISTS bench;
DROP TABLE IF EXISTS bench.dispatched;
CREATE TABLE bench.dispatched AS
SELECT id, dedupe_key FROM outbound_email
WHERE kind = 'REMINDER' AND status = 'PENDING' ORDER BY dedupe_key LIMIT $JOBS_DISPATCH;
-- The other reminders go (deleting is much cheaper than rewriting them), the endpoints' emails wait.
DELETE FROM outbound_email WHERE kind IN ('REMINDER', 'FOLLOW_UP') AND id NOT IN (SELECT id FROM bench.dispatched);
UPDATE outbound_email SET next_attempt_at = now() + interval '10 years'
WHERE status IN ('PENDING', 'FAILED') AND kind NOT IN ('REMINDER', 'FOLLOW_UP');
VACUUM ANALYZE outbound_email;
SQL
  local sink_port=$((${PORT:-18080} + 10))
  while (echo >"/dev/tcp/127.0.0.1/$sink_port") 2>/dev/null; do sink_port=$((sink_port + 1)); done
  : >"$WORK/smtp-received.tsv"
  java -cp "$WORK/classes" SmtpSink "$sink_port" "$WORK/smtp-received.tsv" >"$WORK/smtp-sink.log" 2>&1 &
  local sink=$!
  for _ in $(seq 1 100); do (echo >"/dev/tcp/127.0.0.1/$sink_port") 2>/dev/null && break; sleep 0.1; done
  local ticks t0 left=-1 received=0
  start_service dispatch -Dquarkus.mailer.mock=false -Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port="$sink_port" \
    -Dlearninglog.mail.dispatch-every=5s
  ticks=$(service_ticks)
  t0=$(date +%s)
  # Polled cheaply (the sink's file, then the index of undelivered rows), so the polling does not slow what it measures.
  while (($(date +%s) - t0 < 600)); do
    if (($(wc -l <"$WORK/smtp-received.tsv") >= JOBS_DISPATCH)) || (($(date +%s) - t0 > 60)); then
      left=$(psql_db -tA -c "SELECT count(*) FROM $SCHEMA.outbound_email
                             WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at < now() + interval '1 year'")
      ((left == 0)) && break
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || break
    sleep 0.5
  done
  R[jobs.dispatch_cpu]=$(awk -v t="$(( $(service_ticks) - ticks ))" -v hz="$(getconf CLK_TCK)" -v n="$JOBS_DISPATCH" \
                           'BEGIN { printf "%.2f", t * 1000 / hz / n }')
  sleep 1
  stop_service
  kill "$sink" 2>/dev/null || true
  wait "$sink" 2>/dev/null || true
  ((left == 0)) || fail "dispatch: $left of $JOBS_DISPATCH emails still undelivered after 10 minutes"
  # The Message-ID the dispatcher makes of a row's dedupe key (mail.OutboundEmail#messageId), at the benchmark's host.
  psql_db -tA -c "SELECT '<' || encode(sha256(convert_to(o.dedupe_key, 'UTF8')), 'hex') || '@bench.invalid>'
                  FROM $SCHEMA.outbound_email o JOIN bench.dispatched d USING (id)
                  WHERE o.status = 'SENT'" | sort >"$WORK/smtp-sent.txt"
  cut -f2 "$WORK/smtp-received.tsv" | sort >"$WORK/smtp-received-ids.txt"
  received=$(wc -l <"$WORK/smtp-received-ids.txt")
  local distinct missing unexpected sent
  distinct=$(uniq "$WORK/smtp-received-ids.txt" | wc -l)
  sent=$(wc -l <"$WORK/smtp-sent.txt")
  missing=$(uniq "$WORK/smtp-received-ids.txt" | comm -23 "$WORK/smtp-sent.txt" - | wc -l)
  unexpected=$(uniq "$WORK/smtp-received-ids.txt" | comm -13 "$WORK/smtp-sent.txt" - | wc -l)
  R[jobs.dispatch_rate]=$(sort -n "$WORK/smtp-received.tsv" | awk -F'\t' 'NR == 1 { first = $1 } { last = $1; n++ }
      END { if (n > 1 && last > first) printf "%.0f", (n - 1) * 1e9 / (last - first); else print 0 }')
  R[jobs.dispatch_check]="$received received for $sent marked sent of $JOBS_DISPATCH: $((received - distinct)) twice, $missing missing, $unexpected unexpected"
  log "dispatch: ${R[jobs.dispatch_rate]} emails/s (${R[jobs.dispatch_cpu]} ms of service CPU per email); ${R[jobs.dispatch_check]}"
  ((sent == JOBS_DISPATCH && received == distinct && missing == 0 && unexpected == 0)) \
    || fail "dispatch lost or duplicated emails: ${R[jobs.dispatch_check]}"
}

measure_jobs() {
  seed_jobs
  measure_reminder_scan
  measure_dispatch
}

# ------------------------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------------------------
sql_summary() {
  sed -E 's/statements=([0-9]+) transactions=([0-9]+).*/\1 in \2 tx/' <<<"${R[$1.sql]:-?}"
}

# The request whose plans were captured, without host and token.
plan_request() {
  local line
  case $1 in
    search_*) line=$(sed -n "${1#search_}p" "$WORK/search.tsv") ;;
    *) line=$(head -1 "$WORK/$1.tsv") ;;
  esac
  cut -f2 <<<"$line" | sed -E 's#^/api/v1##; s#groupId=[0-9a-f-]+#groupId={g}#'
}
plans_verdict() {
  local name seq=()
  for name in "${PLANNED[@]}"; do
    [[ ${R[$name.plan]:-} == '**sequential scan**'* ]] && seq+=("$name")
  done
  if ((${#seq[@]})); then echo "sequential scan in ${seq[*]}"; else echo none; fi
}

verdict() { if awk "BEGIN { exit !($1) }"; then echo "met"; else echo "**missed**"; fi; }

report() {
  local file=$1 endpoint max_rss=0
  for endpoint in "${ENDPOINTS[@]}"; do
    ((${R[$endpoint.rss_peak]:-0} > max_rss)) && max_rss=${R[$endpoint.rss_peak]}
  done
  local java_version pg_version mem errors
  java_version=$("$SERVICE_JAVA" -version 2>&1 | head -1 | sed 's/"//g')
  pg_version=$(psql -X -tA -d postgres -c "SHOW server_version" | cut -d' ' -f1)
  mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
  {
    echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$(git rev-parse --short HEAD 2>/dev/null || echo '?')\`$(git diff --quiet HEAD 2>/dev/null || echo ' (with local changes)'), command \`$(env | grep -E '^BENCH_[A-Z_]+=' | sort | sed -E "s/^([^=]+)=(.*)$/\\1='\\2'/" | tr '\n' ' ')bench/run.sh$([[ $MODE == smoke ]] && echo ' --smoke')$( ((BUILD)) || echo ' --no-build')\`."
    echo
    echo "- Machine: $(nproc) cores, $mem; $java_version; PostgreSQL $pg_version (\`${PG_SETTINGS:-defaults}\`); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)."
    echo "- Other load on the machine before the run: ${R[machine.before]}."
    echo "- JVM: $("$SERVICE_JAVA" -version 2>&1 | sed -n 2p)${MALLOC_ARENAS:+, MALLOC_ARENA_MAX=$MALLOC_ARENAS}; options: \`${JAVA_OPTS_BENCH:-(none)}\`$( ((APPCDS)) && if [[ ${ARCHIVE_KIND:-} == aot ]]; then echo ', with an ahead-of-time cache (-XX:AOTCache) written by an earlier start'; else echo ', with an application class-data archive (AppCDS) written by an earlier start'; fi)."
    echo "- Data: ${R[seed.rows]:-?} (seeded in ${R[seed.seconds]:-?} s)$([[ -n ${R[jobs.expected]:-} ]] && echo "; for the jobs, $JOBS_MEMBERS members in $JOBS_GROUPS groups (bench/jobs-seed.sql, seeded in ${R[jobs.seed_seconds]} s), ${R[jobs.expected]} of them due a reminder")."
    echo "- Load: $CONNECTIONS connections ($WRK_THREADS wrk threads) for ${PEAK_SECONDS} s at peak (the week's log in $ROUNDS rounds alternating with pgbench at $CONNECTIONS clients), then ${FIXED_SECONDS} s at half the peak rate with a fixed-rate generator (latency counted from each request's due time); each endpoint first warmed in rounds of ${WARMUP_SECONDS} s until two rounds in a row were each less than 3 % faster than the fastest before them (at most $WARMUP_ROUNDS; the week's log took ${R[week_log.warm_rounds]:-?}, search ${R[search.warm_rounds]:-?})."
    echo
    echo "| endpoint | SQL per request | peak req/s | p50 / p99 at half peak (ms) | rate achieved (req/s) | errors | RSS under load (MB) |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
    for endpoint in "${ENDPOINTS[@]}"; do
      errors=$(( ${R[$endpoint.peak_errors]:-0} + ${R[$endpoint.fixed_errors]:-0} ))
      echo "| ${LABEL[$endpoint]} | $(sql_summary "$endpoint") | ${R[$endpoint.rps]:-?} | ${R[$endpoint.p50]:-?} / ${R[$endpoint.p99]:-?} | ${R[$endpoint.achieved]:-?} of ${R[$endpoint.rate]:-?} | $errors | ${R[$endpoint.rss_peak]:-?} |"
    done
    if [[ -n ${R[week_log_conditional.rps]:-} ]]; then
      errors=$(( ${R[week_log_conditional.peak_errors]:-0} + ${R[week_log_conditional.fixed_errors]:-0} ))
      echo "| the week's log with \`If-None-Match\` (${R[week_log_conditional.not_modified]:-?} of ${R[week_log_conditional.requests]:-?} answered 304 at peak) | $(sql_summary week_log) | ${R[week_log_conditional.rps]} | ${R[week_log_conditional.p50]:-?} / ${R[week_log_conditional.p99]:-?} | ${R[week_log_conditional.achieved]:-?} of ${R[week_log_conditional.rate]:-?} | $errors | ${R[week_log_conditional.rss_peak]:-?} |"
    fi
    if [[ -n ${R[pgbench.tps]:-} ]]; then
      echo "| pgbench on the week's log SQL (\`-M prepared\`, $CONNECTIONS clients) | $(sql_summary week_log) | ${R[pgbench.tps]} | (average latency at peak ${R[pgbench.latency]}) | | 0 | |"
    fi
    if [[ -n ${R[cpu.split]:-} ]]; then
      echo
      echo "CPU time, ${R[cpu.split]} ($(nproc) cores: CPU time per request bounds the peak rate)."
      if ((${R[cpu.rest_share]} > 20)); then
        echo
        echo "**Warning:** ${R[cpu.rest_share]} % of the machine's CPU time during the week's log went to neither the service, PostgreSQL nor wrk (about 10 % on a quiet machine): other work ran at the same time, so these numbers understate the service; run again on a quiet machine."
      fi
    fi
    echo
    echo "| budget (DESIGN.md §10) | measured | |"
    echo "| --- | --- | --- |"
    echo "| week's log: p99 < 10 ms at half peak (issue 18, DESIGN.md §10 wave 2; first 20 ms) | ${R[week_log.p99]:-?} ms at ${R[week_log.rate]:-?} req/s | $(verdict "${R[week_log.p99]:-999} < 10") |"
    local over="" endpoint
    for endpoint in "${ENDPOINTS[@]}" week_log_conditional; do
      [[ -n ${R[$endpoint.p99]:-} ]] || continue
      awk -v p="${R[$endpoint.p99]}" 'BEGIN { exit !(p >= 10) }' && over="$over${over:+, }$endpoint ${R[$endpoint.p99]} ms"
    done
    echo "| every endpoint: p99 < 10 ms at half peak (issue 18 item 2) | ${over:-all under 10 ms} | $(if [[ -z $over ]]; then echo met; else echo '**missed**'; fi) |"
    echo "| a group's 52-week insights: p99 < 50 ms at half peak | ${R[group_insights.p99]:-?} ms at ${R[group_insights.rate]:-?} req/s | $(verdict "${R[group_insights.p99]:-999} < 50") |"
    echo "| search: p99 < 20 ms at half peak | ${R[search.p99]:-?} ms at ${R[search.rate]:-?} req/s | $(verdict "${R[search.p99]:-999} < 20") |"
    echo "| the organisation's insights ($GROUPS_N groups): p99 < 300 ms at half peak | ${R[org_insights.p99]:-?} ms at ${R[org_insights.rate]:-?} req/s | $(verdict "${R[org_insights.p99]:-999} < 300") |"
    if [[ -n ${R[pgbench.ratio]:-} ]]; then
      echo "| week's log: peak >= 1/2 of pgbench on the same SQL | ${R[week_log.rps]:-?} / ${R[pgbench.tps]} = ${R[pgbench.ratio]} | $(verdict "${R[pgbench.ratio]} >= 0.5") |"
    fi
    echo "| no sequential scan of entry or search_document in the plans of search, similar questions, experts | $(plans_verdict) | $(if [[ $(plans_verdict) == none ]]; then echo met; else echo '**missed**'; fi) |"
    echo "| start-up < 1.5 s to ready (issue 18; DESIGN.md §10: 3 s) | ${R[startup.ms]:-?} ms (Quarkus: started in ${R[startup.quarkus]:-?})$( [[ -n ${R[startup.plain]:-} ]] && echo "; ${R[startup.plain]} ms without the class archive") | $(verdict "${R[startup.ms]:-99999} < 1500") |"
    echo "| RSS < 200 MB at rest after warm-up (issue 18; DESIGN.md §10: 300 MB) | ${R[rss.rest]:-?} MB ($REST_SECONDS s after the warm-up; ${R[rss.start]:-?} MB after start, ${R[rss.end]:-?} MB at rest after the whole run, $max_rss MB at most under load) | $(verdict "${R[rss.rest]:-99999} < 200") |"
    if [[ -n ${R[jobs.expected]:-} ]]; then
      echo "| reminder scan over $JOBS_MEMBERS members in $JOBS_GROUPS groups: < 10 s | ${R[jobs.scan_seconds]:-?} s enqueueing ${R[jobs.scan_enqueued]:-?} reminders (${R[jobs.scan_check]:-?}); ${R[jobs.rescan_seconds]:-?} s again with all enqueued | $(verdict "${R[jobs.scan_ms]:-99999} < 10000") |"
      echo "| dispatch to a local SMTP sink: >= 1,000 emails/s, none lost or duplicated | ${R[jobs.dispatch_rate]:-?} emails/s over $JOBS_DISPATCH emails, ${R[jobs.dispatch_cpu]:-?} ms of service CPU each (${R[jobs.dispatch_check]:-?}) | $(verdict "${R[jobs.dispatch_rate]:-0} >= 1000") |"
    fi
    echo
    echo "Plans of the group's memory (EXPLAIN (ANALYZE, BUFFERS) of each captured statement on \`search_document\` or \`entry\`, run again with the request's values; in \`target/bench/plans/\`). Similar questions embed the text in the service (all-MiniLM-L6-v2, in process) and compare it with the group's stored question vectors (${R[embed.texts]:-?} distinct seed questions embedded by the service's job before the run, in ${R[embed.seconds]:-?} s):"
    echo
    echo "| request | statements, slowest execution, scans |"
    echo "| --- | --- |"
    local name
    declare -A PLAN_LABEL=([search]='search, one word' [search_2]='search, two words' [search_3]='search, a phrase'
                           [search_4]='search, misspelled (full text, then the words like it by trigrams)' [similar]='similar questions' [experts]='experts')
    for name in "${PLANNED[@]}"; do
      echo "| ${PLAN_LABEL[$name]} (\`$(plan_request "$name")\`) | ${R[$name.plan]:-?} |"
    done
  } >"$file"
}

# Replaces the generated block of docs/benchmarks.md, keeping the prose around it.
publish() {
  local results=$1 begin='<!-- bench/run.sh results: begin -->' end='<!-- bench/run.sh results: end -->'
  if [[ ! -f $OUTPUT ]] || ! grep -qF "$begin" "$OUTPUT"; then
    printf '# Benchmarks\n\n%s\n%s\n' "$begin" "$end" >>"$OUTPUT"
  fi
  awk -v begin="$begin" -v end="$end" -v results="$results" '
    $0 == begin { print; while ((getline line < results) > 0) print line; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }' "$OUTPUT" >"$OUTPUT.tmp" && mv "$OUTPUT.tmp" "$OUTPUT"
  log "results written to ${OUTPUT#"$ROOT"/}"
}

# ------------------------------------------------------------------------------------------------------------
# Runs on one machine that use the same database take turns (a second one would drop the first one's data).
take_turn() {
  exec 9>"${TMPDIR:-/tmp}/learninglog-bench-$DB.lock"
  if ! flock -n 9; then
    log "another benchmark run is using database $DB; waiting up to 20 minutes (or set BENCH_DB)"
    flock -w 1200 9 || die "database $DB stayed in use by another benchmark run"
  fi
}

main() {
  take_turn
  mkdir -p "$WORK"
  log "mode $MODE: $GROUPS_N groups x $PER_GROUP members x $WEEKS weeks, $CONNECTIONS connections"
  R[machine.before]="load average $(cut -d' ' -f1-3 /proc/loadavg)$([[ -r /proc/pressure/cpu ]] && awk '/^some/ { sub("avg60=", "", $3); printf ", CPU pressure %s%% (avg60)", $3 }' /proc/pressure/cpu)"
  log "machine before the run: ${R[machine.before]}"
  ensure_tools
  build
  recreate_database
  start_service migrate            # Flyway creates the schema
  stop_service
  if phase endpoints || phase startup; then
    seed
    if phase endpoints; then
      embed_questions
    fi
    make_request_lists
    if phase endpoints; then
      capture_sql
      explain_plans
    fi
    make_appcds_archive
    measure_startup_and_rest
    if phase endpoints; then
      measure_endpoints
    fi
    stop_service
  fi
  if phase jobs; then
    measure_jobs
  fi
  report "$WORK/results.md"
  cat "$WORK/results.md"
  [[ $MODE == full && -z ${BENCH_ONLY:-} ]] && publish "$WORK/results.md"
  if ((FAILURES)); then
    die "$FAILURES measurement(s) failed or saw failed requests"
  fi
  log "done"
}

# Sourcing the script (for a single measurement by hand) defines the functions without running.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main; fi
