package org.learninglog.inbound;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One received RFC 5322 message as the inbound processing reads it: its Message-ID, sender, recipients, whether a
 * machine sent it, and its text (plain text preferred, else HTML made plain) with the attachments left out.
 */
record ReceivedMail(String messageId, Optional<String> from, List<String> recipients, Optional<String> automatic,
        String text, List<String> attachments) {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern AUTOMATIC_SUBJECT = Pattern.compile(
            "^(auto(matic)? ?reply|autoreply|out of (the )?office|abwesenheit|automatische antwort|respuesta autom"
                    + "|fuera de la oficina|automatyczna odpowied|nieobecno|undeliver|delivery status notification"
                    + "|mail delivery failed|returned mail).*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static ReceivedMail parse(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        String messageId = Optional.ofNullable(message.getMessageID()).map(String::strip).filter(s -> !s.isEmpty())
                .orElseGet(() -> "<sha256-" + sha256(raw) + "@no-message-id.invalid>");
        Optional<String> from = Optional.ofNullable(safeFrom(message));
        List<String> recipients = new ArrayList<>();
        for (String header : List.of("Delivered-To", "X-Original-To", "Envelope-To", "To", "Cc")) {
            String[] values = message.getHeader(header);
            if (values != null) {
                recipients.addAll(List.of(values));
            }
        }
        List<String> attachments = new ArrayList<>();
        Bodies bodies = new Bodies();
        collect(message, bodies, attachments);
        String text = bodies.plain != null ? bodies.plain
                : bodies.html != null ? ReplyText.fromHtml(bodies.html) : "";
        return new ReceivedMail(messageId, from, recipients, automatic(message), text, attachments);
    }

    /** Why a machine sent the message (an auto-reply, a bounce, a list), if it did: such mail is never answered. */
    private static Optional<String> automatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && List.of("bulk", "junk", "list", "auto_reply")
                .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Precedence: " + precedence.strip());
        }
        for (String marker : List.of("X-Autoreply", "X-Autorespond", "X-Failed-Recipients", "List-Id")) {
            if (header(message, marker) != null) {
                return Optional.of(marker + " header");
            }
        }
        String contentType = message.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/report")) {
            return Optional.of("a delivery report (multipart/report)");
        }
        String returnPath = header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("an empty Return-Path (a bounce)");
        }
        String from = safeFrom(message);
        if (from != null && from.matches("(?i)^(mailer-daemon|postmaster|no-?reply)@.*")) {
            return Optional.of("sent by " + from);
        }
        String subject = message.getSubject();
        if (subject != null && AUTOMATIC_SUBJECT.matcher(subject.strip()).matches()) {
            return Optional.of("an automatic reply by its subject");
        }
        return Optional.empty();
    }

    private static final class Bodies {
        String plain;
        String html;
    }

    private static void collect(Part part, Bodies bodies, List<String> attachments)
            throws MessagingException, IOException {
        String disposition = part.getDisposition();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies, attachments);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.getFileName() != null
                || !part.isMimeType("text/*")) {
            attachments.add(part.getFileName() == null ? part.getContentType().split(";")[0] : part.getFileName());
        } else if (part.isMimeType("text/plain") && bodies.plain == null) {
            bodies.plain = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = String.valueOf(part.getContent());
        }
    }

    private static String safeFrom(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            if (from == null || from.length != 1 || !(from[0] instanceof InternetAddress address)) {
                return null;
            }
            return address.getAddress() == null ? null : address.getAddress().strip().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, ",");
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.UTF_8);
    }
}
