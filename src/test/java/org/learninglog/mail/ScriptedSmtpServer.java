package org.learninglog.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Just enough of an SMTP server to answer each recipient as a test says (e.g. 550 or 451), in place of GreenMail
 * on the mailer's port: {@link TestMailServer#stop()} first, {@link #close()} and {@link TestMailServer#start()}
 * after. Messages to a recipient answered {@code 250} are accepted; {@link #holdDataOf} keeps the end of a
 * message's data unanswered until {@link #release()}.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Function<String, String> rcptReply;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String held = "\u0000";

    /** @param rcptReply the reply line to {@code RCPT TO:<address>} for each address, e.g. "550 5.1.1 No such user" */
    ScriptedSmtpServer(Function<String, String> rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), TestMailServer.SMTP.getPort()));
        Thread acceptor = new Thread(this::acceptAll, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Delays the reply to the data of a message to this address until {@link #release()}. */
    ScriptedSmtpServer holdDataOf(String address) {
        held = address;
        return this;
    }

    void release() {
        released.countDown();
    }

    /** Recipients whose message was accepted, in order. */
    List<String> accepted() {
        return accepted;
    }

    /** Recipients refused, once per refusal. */
    List<String> refused() {
        return refused;
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                clients.add(client);
                Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
            OutputStream out = client.getOutputStream();
            say(out, "220 scripted ESMTP");
            String recipient = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        String reply = rcptReply.apply(recipient);
                        if (!reply.startsWith("250")) {
                            refused.add(recipient);
                        }
                        say(out, reply);
                    }
                    case "DATA" -> {
                        say(out, "354 go ahead");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the message itself is not needed
                        }
                        if (held.equals(recipient)) {
                            released.await(30, TimeUnit.SECONDS);
                        }
                        accepted.add(recipient);
                        say(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        say(out, "221 bye");
                        return;
                    }
                    default -> say(out, "250 ok"); // EHLO, HELO, MAIL, RSET, NOOP
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the test closed the server
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        release();
        socket.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
