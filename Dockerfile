# JVM image of the service. Build the application first:
#   ./mvnw package -DskipTests
#   docker build -t learning-log .
# Run it with the database and mail settings of README.md as environment variables:
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/learninglog learning-log
#
# Java 25 with Quarkus's aot-jar packaging (every jar on the class path) and the JDK's ahead-of-time cache written by
# a training start: what bench/run.sh measures (decision 124; it supersedes the Java 17 + AppCDS of decision 118).
# The build's release stays Java 17 (pom.xml); only the runtime is 25.

# Stage 1: the training start, against a throwaway PostgreSQL of this stage only (docker/train-aot-cache.sh).
# Same base image as the runtime stage, so the cache is written by the very JVM that reads it.
FROM eclipse-temurin:25-jre AS training
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql postgresql-contrib curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /deployments
COPY target/quarkus-app/lib/ /deployments/lib/
COPY target/quarkus-app/*.jar /deployments/
COPY target/quarkus-app/app/ /deployments/app/
COPY target/quarkus-app/quarkus/ /deployments/quarkus/
COPY docker/train-aot-cache.sh /usr/local/bin/
# The runtime options below; the cache is only used by a JVM started with compatible ones.
ENV JAVA_OPTS="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:+UseG1GC -Xms32m -Xmx256m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=70 -XX:TrimNativeHeapInterval=5000"
RUN train-aot-cache.sh

# Stage 2: the image. The application's files come from the training stage (the cache checks the jars it was
# trained on, sizes and times), in four layers from the least to the most often changed, plus the cache.
FROM eclipse-temurin:25-jre
ENV LANGUAGE='en_US:en'
WORKDIR /deployments
COPY --from=training --chown=185 /deployments/lib/ /deployments/lib/
COPY --from=training --chown=185 /deployments/quarkus-run.jar /deployments/
COPY --from=training --chown=185 /deployments/app/ /deployments/app/
COPY --from=training --chown=185 /deployments/quarkus/ /deployments/quarkus/
COPY --from=training --chown=185 /deployments/app.aot /deployments/

# 8080: the API and health; 9000: the management interface (metrics), for the monitoring system only.
EXPOSE 8080 9000
USER 185
# G1, heap capped at 256 MB and given back when idle, marking from 70 %, native heap trimmed, two malloc arenas
# (docs/benchmarks.md, "Production settings"; decisions 124, 133). Keep JAVA_OPTS as in the training stage, or the
# cache is not used.
ENV JAVA_OPTS="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:+UseG1GC -Xms32m -Xmx256m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=70 -XX:TrimNativeHeapInterval=5000"
ENV MALLOC_ARENA_MAX=2

ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -XX:AOTCache=/deployments/app.aot -jar /deployments/quarkus-run.jar"]
