package org.learninglog.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a received message is taken for: mail a machine sent is never answered nor posted. */
class ReceivedMailTest {

    private static final String TO = "reply+abc@reply.test.invalid";

    @Test
    void shouldTakeOutOfOfficeRepliesForAutomaticByTheirSubjectInEachLanguage() throws Exception {
        for (String subject : List.of("Out of Office: Re: 2 new replies", "Automatic reply: a new question",
                "Abwesenheitsnotiz: Neue Antwort", "Automatische Antwort: Neue Antwort",
                "Respuesta automática: Nueva respuesta", "Fuera de la oficina", "Automatyczna odpowiedź: Nowa",
                "Nieobecność w biurze")) {
            assertTrue(parse(message(subject, "")).automatic().isPresent(), subject);
        }
    }

    @Test
    void shouldTakeMarkedAutoRepliesAndBouncesForAutomatic() throws Exception {
        assertEquals(Optional.of("Auto-Submitted: auto-replied"),
                parse(message("Re: a new reply", "Auto-Submitted: auto-replied\r\n")).automatic());
        assertEquals(Optional.of("Precedence: bulk"),
                parse(message("Re: a new reply", "Precedence: bulk\r\n")).automatic());
        assertEquals(Optional.of("X-Autoreply header"),
                parse(message("Re: a new reply", "X-Autoreply: yes\r\n")).automatic());
        assertEquals(Optional.of("an empty Return-Path (a bounce)"),
                parse(message("Re: a new reply", "Return-Path: <>\r\n")).automatic());
        assertTrue(parse(Inbound.bounce(TO, Inbound.messageId())).automatic().isPresent());
    }

    @Test
    void shouldTakeAPersonsReplyForAPersonsEvenWhenItsSubjectMentionsTheOffice() throws Exception {
        assertEquals(Optional.empty(), parse(message("Re: Out of office hours, who covers?", "")).automatic());
        assertEquals(Optional.empty(),
                parse(message("Re: a new reply", "Auto-Submitted: no\r\nPrecedence: normal\r\n")).automatic());
    }

    @Test
    void shouldKeepTheTextOfAnHtmlOnlyReplyAndNameItsAttachments() throws Exception {
        ReceivedMail mail = parse(Inbound.htmlWithAttachment("Jonas@Example.org", TO, "<m1@example.org>",
                "<p>Here are <b>our</b> prices</p>"));
        assertEquals("Here are our prices", mail.text());
        assertEquals(List.of("prices.pdf"), mail.attachments());
        assertEquals(Optional.of("jonas@example.org"), mail.from(), "compared without case");
        assertEquals("<m1@example.org>", mail.messageId());
    }

    private static byte[] message(String subject, String headers) {
        return ("From: Jonas <jonas@example.org>\r\nTo: <" + TO + ">\r\nSubject: " + subject + "\r\nMessage-ID: "
                + Inbound.messageId() + "\r\nMIME-Version: 1.0\r\n" + headers
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "I am away until Monday.\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ReceivedMail parse(byte[] raw) throws Exception {
        return ReceivedMail.parse(raw);
    }
}
