package org.learninglog.inbound;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Small factories for received emails, as raw RFC 5322 text. */
final class Inbound {

    private Inbound() {
    }

    static String messageId() {
        return "<" + UUID.randomUUID() + "@mail.example.org>";
    }

    /** A plain-text reply from an address to an address, with extra header lines (each ending in CRLF). */
    static byte[] reply(String from, String to, String messageId, String body, String extraHeaders) {
        return ("From: Someone <" + from + ">\r\nTo: <" + to + ">\r\nSubject: Re: Learning Log\r\nMessage-ID: "
                + messageId + "\r\nDate: Tue, 24 Nov 2026 11:30:00 +0100\r\nMIME-Version: 1.0\r\n" + extraHeaders
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + body.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] reply(String from, String to, String messageId, String body) {
        return reply(from, to, messageId, body, "");
    }

    /** An HTML-only reply with a PDF attached. */
    static byte[] htmlWithAttachment(String from, String to, String messageId, String html) {
        return ("From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: Re: Learning Log\r\nMessage-ID: " + messageId
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n--b1\r\n"
                + "Content-Type: application/pdf; name=\"prices.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"prices.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "JVBERi0xLjQK\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A bounce: a delivery status report from the mailer daemon. */
    static byte[] bounce(String to, String messageId) {
        return ("From: Mail Delivery System <MAILER-DAEMON@mail.example.org>\r\nTo: <" + to + ">\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: " + messageId
                + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r1\"\r\n\r\n--r1\r\n"
                + "Content-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n--r1\r\n"
                + "Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mail.example.org\r\n--r1--\r\n")
                        .getBytes(StandardCharsets.UTF_8);
    }
}
