import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helpers of bench/run.sh, run with the single-file launcher (`java bench/BenchTool.java ...`), so the benchmark
 * needs nothing but the JDK the service needs anyway.
 *
 * <pre>
 * fixed-rate URL REQUESTS RATE SECONDS WARMUP_SECONDS CONNECTIONS
 *     Load at a constant rate, as wrk2 would give: request i is due at start + i / RATE whatever happened to
 *     earlier ones, goes out on the next free one of CONNECTIONS keep-alive connections, and its latency is
 *     counted from when it was due (no coordinated omission). Plain sockets and pre-built requests keep the
 *     generator's own CPU use small, as it shares the machine with the service. Requests are picked at random
 *     from REQUESTS (the tab-separated file the wrk script reads). Prints one line of key=value results.
 *
 * pgbench-script CAPTURE SCRIPT [\command | value=>expression]...
 *     Turns the statements PostgreSQL logged for one request (log_statement = all) into a pgbench script:
 *     the \commands (e.g. \set m random(1, 2400)) come first, then every statement, each bound value that
 *     equals one of the given values replaced by its expression (e.g. &lt;uuid&gt;=>md5('member-' || :m)::uuid);
 *     other values stay literal.
 *
 * count-statements CAPTURE
 *     Prints how many statements (BEGIN/COMMIT apart) and transactions one captured request issued.
 *
 * explain-script CAPTURE SCRIPT REGEX
 *     Writes EXPLAIN (ANALYZE, BUFFERS) of every captured read (SELECT or WITH) whose text matches REGEX, with
 *     the values it was bound to as literals, as a psql script; prints how many.
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
            case "explain-script" -> explainScript(args);
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchTool fixed-rate URL REQUESTS RATE SECONDS WARMUP_SECONDS CONNECTIONS"
                + " | pgbench-script CAPTURE SCRIPT [\\command | value=>expression]... | count-statements CAPTURE"
                + " | explain-script CAPTURE SCRIPT REGEX");
        System.exit(2);
    }

    // ------------------------------------------------------------------------------------------------
    // Fixed-rate load
    // ------------------------------------------------------------------------------------------------

    /** A request of a list; `ifNoneMatch` empty for an unconditional one. */
    private record Request(String method, String path, String token, String body, String ifNoneMatch) {
    }

    private static void fixedRate(String[] args) throws Exception {
        if (args.length != 7) {
            usage();
        }
        URI base = URI.create(args[1]);
        List<Request> requests = readRequests(Path.of(args[2]));
        double rate = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        double warmup = Double.parseDouble(args[5]);
        int connections = Integer.parseInt(args[6]);
        List<byte[]> prepared = new ArrayList<>(requests.size());
        for (Request r : requests) {
            byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder()
                    .append(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                    .append("Authorization: Bearer ").append(r.token()).append("\r\n")
                    .append("Accept: application/json\r\n");
            if (!r.ifNoneMatch().isEmpty()) {
                head.append("If-None-Match: ").append(r.ifNoneMatch()).append("\r\n");
            }
            if (body.length > 0) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
            byte[] message = Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, message, headBytes.length, body.length);
            prepared.add(message);
        }
        if (warmup > 0) {
            run(base, prepared, rate, warmup, connections);
        }
        Result result = run(base, prepared, rate, seconds, connections);
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

    /** A request due at a given instant; index -1 tells a connection to stop. */
    private record Due(int index, long due, byte[] message) {
    }

    /**
     * Sends RATE requests a second for SECONDS over a fixed number of keep-alive connections, as wrk2 does:
     * a scheduler thread queues each request at its due time, the connections take them in order, and a request
     * that waits for a free connection counts that wait in its latency.
     */
    private static Result run(URI base, List<byte[]> prepared, double rate, double seconds, int connections)
            throws InterruptedException {
        int total = (int) Math.round(rate * seconds);
        long interval = Math.round(1e9 / rate);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicLong ok = new AtomicLong();
        AtomicLong non2xx = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        LinkedBlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        CountDownLatch done = new CountDownLatch(total);
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                while (true) {
                    Due due;
                    try {
                        due = queue.take();
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (due.index() < 0) {
                        break;
                    }
                    try {
                        if (connection == null) {
                            connection = new Connection(base.getHost(), base.getPort());
                        }
                        int status = connection.exchange(due.message());
                        long latency = System.nanoTime() - due.due();
                        statuses.merge(status, 1L, Long::sum);
                        // 304 is the answer to a conditional request whose copy is current.
                        if (status / 100 == 2 || status == 304) {
                            ok.incrementAndGet();
                            latencies[due.index()] = latency;
                        } else {
                            non2xx.incrementAndGet();
                        }
                        if (connection.closeRequested) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException | RuntimeException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    done.countDown();
                }
                if (connection != null) {
                    connection.close();
                }
            }, "fixed-rate-" + c);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new Due(i, due, prepared.get(random.nextInt(prepared.size()))));
        }
        boolean finished = done.await(30, TimeUnit.SECONDS);
        for (int c = 0; c < connections; c++) {
            queue.add(new Due(-1, 0, null));
        }
        if (!finished) {
            failed.addAndGet(done.getCount());
            firstFailure.compareAndSet(null, done.getCount() + " requests unanswered 30 s after the last was due");
        }
        long[] okLatencies = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
        return new Result(rate, seconds, total, ok.get(), non2xx.get(), failed.get(), okLatencies,
                new TreeMap<>(statuses), firstFailure.get());
    }

    /** One HTTP/1.1 keep-alive connection: writes a request, reads the status and skips the body. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        boolean closeRequested;

        Connection(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(10_000);
            in = new BufferedInputStream(socket.getInputStream(), 65536);
            out = socket.getOutputStream();
        }

        int exchange(byte[] message) throws IOException {
            out.write(message);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 response: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeRequested = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    in.skipNBytes(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length > 0) {
                in.skipNBytes(length);
            } else if (length < 0 && status != 204 && status != 304) {
                throw new IOException("response without Content-Length or chunked encoding");
            }
            return status;
        }

        private long chunkSize() throws IOException {
            String size = line();
            int semicolon = size.indexOf(';');
            return Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static List<Request> readRequests(Path file) throws IOException {
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 5);
            requests.add(new Request(f[0], f[1], f[2], f.length > 3 ? f[3] : "", f.length > 4 ? f[4] : ""));
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
    // Possessive: a long parameter (an entry's text, an embedding) must not recurse once per character.
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = (NULL|'((?:[^']++|'')*+)')");

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

    private static void explainScript(String[] args) throws IOException {
        if (args.length != 4) {
            usage();
        }
        Pattern wanted = Pattern.compile(args[3]);
        int written = 0;
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[2])), true, StandardCharsets.UTF_8)) {
            for (Captured statement : readCapture(Path.of(args[1]))) {
                String sql = literal(statement);
                String head = sql.strip().toUpperCase(Locale.ROOT);
                if (!(head.startsWith("SELECT") || head.startsWith("WITH")) || !wanted.matcher(sql).find()) {
                    continue;
                }
                out.println("\\echo '-- statement " + ++written + "'");
                out.println("EXPLAIN (ANALYZE, BUFFERS) " + sql.strip() + ";");
            }
        }
        System.out.println(written);
    }

    /** The statement with its bound values written in as literals. */
    private static String literal(Captured statement) {
        String sql = statement.sql();
        for (int i = statement.values().size(); i >= 1; i--) {
            String value = statement.values().get(i - 1);
            String replacement = value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
            sql = sql.replaceAll("\\$" + i + "(?![0-9])", Matcher.quoteReplacement(replacement));
        }
        return sql;
    }
}
