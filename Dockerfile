# JVM image of the service. Build the application first:
#   ./mvnw package -DskipTests
#   docker build -t learning-log .
# Run it with the database and mail settings of README.md as environment variables:
#   docker run -p 8080:8080 -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/learninglog learning-log
FROM eclipse-temurin:17-jre

ENV LANGUAGE='en_US:en'
WORKDIR /deployments

# Four layers, from the least to the most often changed, so rebuilds reuse the dependency layers.
COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 target/quarkus-app/*.jar /deployments/
COPY --chown=185 target/quarkus-app/app/ /deployments/app/
COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/

# 8080: the API and health; 9000: the management interface (metrics), for the monitoring system only.
EXPOSE 8080 9000
USER 185
# Java 17 with these options is what the benchmark measures (decision 118: Java 25's ahead-of-time cache gave no
# faster start with this packaging). Heap sized for the service, given back when idle (docs/benchmarks.md,
# "Production settings"); for a faster start add an AppCDS archive (README, "Running in production").
ENV JAVA_OPTS="-Djava.util.logging.manager=org.jboss.logmanager.LogManager -XX:+UseG1GC -Xms32m -Xmx256m -XX:G1PeriodicGCInterval=5000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000"

ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /deployments/quarkus-run.jar"]
