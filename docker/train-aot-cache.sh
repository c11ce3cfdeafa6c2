#!/bin/sh
# The training start of the image's ahead-of-time cache (decision 124), run by the Dockerfile's first stage:
# starts the service once against a throwaway PostgreSQL of that stage, waits until it is ready, stops it normally,
# and the JVM writes /deployments/app.aot (classes loaded and linked, method profiles) as it exits. The runtime stage
# then starts with -XX:AOTCache=app.aot: same JVM (same base image), same jars, same JAVA_OPTS.
# A start against the real database is what is worth caching (Flyway, Hibernate, the REST deployment): a cache of
# static initialisation only saved a tenth of the start-up CPU, a cache of a whole start half of it.
set -eu
cd /deployments
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_ctlcluster "$version" main start
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'training-only'\""

# The settings production must give (signing keys, an https base URL), as throwaway values; no mail, no jobs.
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/postgres \
QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=training-only \
LEARNINGLOG_PUBLIC_BASE_URL=https://training.invalid QUARKUS_MAILER_MOCK=true \
LEARNINGLOG_REMINDERS_EVERY=off LEARNINGLOG_MAIL_DISPATCH_EVERY=off LEARNINGLOG_THREAD_MAIL_EVERY=off \
LEARNINGLOG_SIMILAR_EMBED_EVERY=off LEARNINGLOG_EXPERTS_SUGGEST_EVERY=off LEARNINGLOG_WEBHOOKS_DISPATCH_EVERY=off \
LEARNINGLOG_UNSUBSCRIBE_SIGNING_KEY=training-only-unsubscribe-signing-key-not-secret \
LEARNINGLOG_SIGN_IN_SIGNING_KEY=training-only-sign-in-signing-key-not-secret-at-all \
LEARNINGLOG_REPLY_BY_EMAIL_SIGNING_KEY=training-only-reply-by-email-signing-key-not-secret \
  java $JAVA_OPTS -XX:AOTCacheOutput=/deployments/app.aot -jar /deployments/quarkus-run.jar &
pid=$!
tries=0
until curl -fs -o /dev/null http://127.0.0.1:8080/q/health/ready; do
  kill -0 "$pid" 2>/dev/null || { echo "the training start failed" >&2; exit 1; }
  tries=$((tries + 1))
  [ "$tries" -lt 1800 ] || { echo "the training start was not ready within 180 s" >&2; exit 1; }
  sleep 0.1
done
# A normal exit (SIGTERM) is what makes the JVM assemble the cache; it takes some seconds.
kill -TERM "$pid"
wait "$pid" || true
pg_ctlcluster "$version" main stop
test -s /deployments/app.aot || { echo "no ahead-of-time cache was written" >&2; exit 1; }
