import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's local SMTP sink (the JDK's single-file launcher, no dependencies):
 * {@code java bench/SmtpSink.java PORT FILE}. Accepts every message on 127.0.0.1:PORT, over as many
 * connections as the client opens, and appends one line per message to FILE: the nanosecond it was accepted
 * (System.nanoTime, for rates), its Message-ID and its first recipient, tab-separated. Nothing is delivered
 * anywhere. The file is flushed every 100 ms and at exit.
 */
public class SmtpSink {

    private static PrintWriter received;

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        received = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8));
        var flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flush");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleAtFixedRate(SmtpSink::flush, 100, 100, TimeUnit.MILLISECONDS);
        Runtime.getRuntime().addShutdownHook(new Thread(SmtpSink::flush));
        try (ServerSocket server = new ServerSocket(port, 128, InetAddress.getLoopbackAddress())) {
            System.out.println("listening on " + port);
            while (true) {
                Socket socket = server.accept();
                Thread thread = new Thread(() -> serve(socket), "smtp");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void flush() {
        synchronized (received) {
            received.flush();
        }
    }

    private static void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            reply(out, "220 sink.invalid ESMTP bench sink");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink.invalid\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO" -> reply(out, "250 sink.invalid");
                    case "MAIL" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        if (recipient == null) {
                            int lt = line.indexOf('<');
                            int gt = line.indexOf('>', lt + 1);
                            recipient = lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line.substring(8).trim();
                        }
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String messageId = "";
                        boolean headers = true;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (headers) {
                                if (line.isEmpty()) {
                                    headers = false;
                                } else if (messageId.isEmpty() && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                    messageId = line.substring(11).trim();
                                }
                            }
                        }
                        long at = System.nanoTime();
                        synchronized (received) {
                            received.append(Long.toString(at)).append('\t').append(messageId).append('\t')
                                    .append(recipient).append('\n');
                        }
                        recipient = null;
                        reply(out, "250 OK queued");
                    }
                    case "RSET", "NOOP" -> {
                        recipient = null;
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away; what it sent before is recorded.
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
