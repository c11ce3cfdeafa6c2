import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers of bench/run.sh, run with the single-file launcher (`java bench/BenchTool.java ...`), so the benchmark
 * needs nothing but the JDK the service needs anyway.
 *
 * <pre>
 * fixed-rate URL REQUESTS RATE SECONDS WARMUP_SECONDS
 *     Open-loop load at a constant rate: request i is due at start + i / RATE whatever happened to earlier
 *     ones, and its latency is counted from when it was due (no coordinated omission). Requests are picked at
 *     random from REQUESTS (the tab-separated file the wrk script reads). Prints one line of key=value results.
 *
 * pgbench-script CAPTURE SCRIPT [\command | value=>expression]...
 *     Turns the statements PostgreSQL logged for one request (log_statement = all) into a pgbench script:
 *     the \commands (e.g. \set m random(1, 2400)) come first, then every statement, each bound value that
 *     equals one of the given values replaced by its expression (e.g. &lt;uuid&gt;=>md5('member-' || :m)::uuid);
 *     other values stay literal.
 *
 * count-statements CAPTURE
 *     Prints how many statements (BEGIN/COMMIT apart) and transactions one captured request issued.
 * </pre>
 */
public class BenchTool {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "fixed-rate" -> fixedRate(args);
            case "pgbench-script" -> pgbenchScript(args);
            case "count-statements" -> countStatements(args);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchTool fixed-rate URL REQUESTS RATE SECONDS WARMUP_SECONDS"
                + " | pgbench-script CAPTURE SCRIPT [\\command | value=>expression]... | count-statements CAPTURE");
        System.exit(2);
    }

    // ------------------------------------------------------------------------------------------------
    // Fixed-rate load
    // ------------------------------------------------------------------------------------------------

    private record Request(String method, String path, String token, String body) {
    }

    private static void fixedRate(String[] args) throws Exception {
        if (args.length != 6) {
            usage();
        }
        String base = args[1];
        List<Request> requests = readRequests(Path.of(args[2]));
        double rate = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        double warmup = Double.parseDouble(args[5]);

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
        List<HttpRequest> prepared = new ArrayList<>(requests.size());
        for (Request r : requests) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + r.path()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + r.token())
                    .header("Accept", "application/json");
            if (r.body().isEmpty()) {
                builder.method(r.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                builder.header("Content-Type", "application/json")
                        .method(r.method(), HttpRequest.BodyPublishers.ofString(r.body()));
            }
            prepared.add(builder.build());
        }
        if (warmup > 0) {
            run(client, prepared, rate, warmup);
        }
        Result result = run(client, prepared, rate, seconds);
        System.out.println(result.format());
    }

    private record Result(double rate, double seconds, long sent, long ok, long non2xx, long failed, long[] latencies,
            Map<Integer, Long> statuses, String firstFailure) {

        String format() {
            long[] sorted = Arrays.copyOf(latencies, latencies.length);
            Arrays.sort(sorted);
            StringBuilder codes = new StringBuilder();
            statuses.forEach((code, n) -> codes.append(codes.length() == 0 ? "" : ",").append(code).append(':').append(n));
            return String.format(Locale.ROOT,
                    "target_rate=%.1f achieved_rate=%.1f sent=%d ok=%d non2xx=%d failed=%d p50_ms=%.2f p90_ms=%.2f"
                            + " p99_ms=%.2f p999_ms=%.2f max_ms=%.2f statuses=%s first_failure=%s",
                    rate, sent / seconds, sent, ok, non2xx, failed, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
                    pct(sorted, 99.9), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                    codes.length() == 0 ? "-" : codes, firstFailure == null ? "-" : firstFailure.replace(' ', '_'));
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private static Result run(HttpClient client, List<HttpRequest> prepared, double rate, double seconds)
            throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long interval = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        AtomicLong ok = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        String[] firstFailure = new String[1];
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            HttpRequest request = prepared.get(ThreadLocalRandom.current().nextInt(prepared.size()));
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = System.nanoTime() - due;
                if (error != null) {
                    failed.incrementAndGet();
                    latencies[index] = -1;
                    synchronized (firstFailure) {
                        if (firstFailure[0] == null) {
                            firstFailure[0] = error.toString();
                        }
                    }
                } else {
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    if (response.statusCode() / 100 == 2) {
                        ok.incrementAndGet();
                        latencies[index] = latency;
                    } else {
                        non2xx.incrementAndGet();
                        latencies[index] = -1;
                    }
                }
                done.countDown();
            });
        }
        if (!done.await(30, TimeUnit.SECONDS)) {
            failed.addAndGet(done.getCount());
        }
        long[] okLatencies = Arrays.stream(latencies).filter(l -> l > 0).toArray();
        return new Result(rate, seconds, total, ok.get(), non2xx.get(), failed.get(), okLatencies,
                new java.util.TreeMap<>(statuses), firstFailure[0]);
    }

    private static List<Request> readRequests(Path file) throws IOException {
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            requests.add(new Request(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
        }
        if (requests.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no requests");
        }
        return requests;
    }

    // ------------------------------------------------------------------------------------------------
    // Captured SQL
    // ------------------------------------------------------------------------------------------------

    private static final Pattern STATEMENT = Pattern.compile("LOG:\\s+(?:execute [^:]*|statement): (.*)$");
    private static final Pattern PARAMETERS = Pattern.compile("DETAIL:\\s+parameters: (.*)$");
    private static final Pattern LOG_ENTRY = Pattern.compile(
            "\\b(LOG|DETAIL|ERROR|WARNING|STATEMENT|HINT|CONTEXT|NOTICE|FATAL|PANIC|DEBUG\\d?|INFO):  ");
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']|'')*)')");

    /** A captured statement and its bound values ($1 is values.get(0)); null values for NULL. */
    private record Captured(String sql, List<String> values) {

        boolean transactionControl() {
            String s = sql.strip().toUpperCase(Locale.ROOT);
            return s.equals("BEGIN") || s.equals("COMMIT") || s.equals("ROLLBACK");
        }
    }

    private static List<Captured> readCapture(Path file) throws IOException {
        List<Captured> statements = new ArrayList<>();
        boolean inStatement = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher statement = STATEMENT.matcher(line);
            Matcher parameters = PARAMETERS.matcher(line);
            if (statement.find()) {
                statements.add(new Captured(statement.group(1), new ArrayList<>()));
                inStatement = true;
            } else if (inStatement && !LOG_ENTRY.matcher(line).find()) {
                // The next line of a statement written on several lines.
                Captured last = statements.remove(statements.size() - 1);
                statements.add(new Captured(last.sql() + "\n" + line, last.values()));
            } else if (parameters.find() && !statements.isEmpty()) {
                inStatement = false;
                Matcher p = PARAMETER.matcher(parameters.group(1));
                List<String> values = statements.get(statements.size() - 1).values();
                while (p.find()) {
                    int index = Integer.parseInt(p.group(1));
                    while (values.size() < index) {
                        values.add(null);
                    }
                    values.set(index - 1, p.group(3) == null ? null : p.group(3).replace("''", "'"));
                }
            } else {
                inStatement = false;
            }
        }
        return statements;
    }

    private static void countStatements(String[] args) throws IOException {
        List<Captured> statements = readCapture(Path.of(args[1]));
        long transactions = statements.stream().filter(s -> s.sql().strip().equalsIgnoreCase("BEGIN")).count();
        long work = statements.stream().filter(s -> !s.transactionControl()).count();
        System.out.println("statements=" + work + " transactions=" + transactions + " round_trips=" + statements.size());
    }

    private static void pgbenchScript(String[] args) throws IOException {
        List<Captured> statements = readCapture(Path.of(args[1]));
        if (statements.stream().noneMatch(s -> !s.transactionControl())) {
            throw new IllegalStateException("No statements in " + args[1] + "; was log_statement = all in effect?");
        }
        // name=value pairs: the value the capture request used, replaced by the expression known for that name.
        Map<String, String> expressions = new LinkedHashMap<>();
        List<String> header = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("\\")) {
                header.add(arg);
                continue;
            }
            // value=>expression
            int arrow = arg.indexOf("=>");
            if (arrow < 1) {
                throw new IllegalArgumentException("expected value=>expression or a \\ command: " + arg);
            }
            expressions.put(arg.substring(0, arrow), arg.substring(arrow + 2));
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[2])), true, StandardCharsets.UTF_8)) {
            out.println("-- Generated by bench/run.sh from the statements PostgreSQL logged for one request;");
            out.println("-- bound values replaced by the pgbench variables they were derived from.");
            header.forEach(out::println);
            for (Captured statement : statements) {
                String sql = statement.sql();
                // Replace from the highest index down so $1 does not clobber $10.
                for (int i = statement.values().size(); i >= 1; i--) {
                    String value = statement.values().get(i - 1);
                    String replacement = value == null ? "NULL"
                            : expressions.getOrDefault(value, "'" + value.replace("'", "''") + "'");
                    sql = sql.replaceAll("\\$" + i + "(?![0-9])", Matcher.quoteReplacement(replacement));
                }
                out.println(sql.strip() + ";");
            }
        }
    }
}
