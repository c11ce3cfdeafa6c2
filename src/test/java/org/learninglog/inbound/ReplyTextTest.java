package org.learninglog.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Quoted originals and signatures of the common mail clients are cut from replies by email. */
class ReplyTextTest {

    private static final String WORDS = "We pooled the orders with the northern region.\n\nWorked well.";

    @Test
    void shouldCutGmailsQuoteHeaderEvenWhenWrapped() {
        assertEquals(WORDS,
                ReplyText.cut(WORDS + "\n\nOn Tue, 24 Nov 2026 at 11:10, Learning Log <ll@example.org> wrote:\n"
                        + "> Ana replied:\n> Pool the orders\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nOn Tue, 24 Nov 2026 at 11:10, Learning Log\n"
                + "<ll@example.org> wrote:\n> Ana replied\n"));
    }

    @Test
    void shouldCutGermanAndSpanishAndPolishQuoteHeaders() {
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nAm Di., 24. Nov. 2026 um 11:10 Uhr schrieb Learning Log "
                + "<ll@example.org>:\n> Ana hat geantwortet\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nEl mar, 24 nov 2026 a las 11:10, Learning Log "
                + "(<ll@example.org>) escribió:\n> Ana respondió\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nW dniu 24.11.2026 o 11:10, Learning Log pisze:\n> Ana\n"));
    }

    @Test
    void shouldCutOutlooksHeaderBlockInEnglishGermanAndSpanish() {
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\n________________________________\nFrom: Learning Log "
                + "<ll@example.org>\nSent: Tuesday, November 24, 2026 11:10 AM\nTo: Jonas\nSubject: a new reply\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nVon: Learning Log <ll@example.org>\n"
                + "Gesendet: Dienstag, 24. November 2026 11:10\nAn: Jonas\nBetreff: Neue Antwort\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nDe: Learning Log <ll@example.org>\n"
                + "Enviado: martes, 24 de noviembre de 2026 11:10\nPara: Marta\nAsunto: Respuesta\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\n-----Original Message-----\nFrom: Learning Log\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\n-----Ursprüngliche Nachricht-----\nVon: Learning Log\n"));
    }

    @Test
    void shouldCutAppleMailsQuoteAndSignatures() {
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nSent from my iPhone\n\n> On 24 Nov 2026, at 11:10, Learning "
                + "Log <ll@example.org> wrote:\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\n> Am 24.11.2026 um 11:10 schrieb Learning Log "
                + "<ll@example.org>:\n> Ana\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n-- \nJonas Weber\nRegional manager North\n"));
        assertEquals(WORDS, ReplyText.cut(WORDS + "\n\nVon meinem iPhone gesendet\n"));
    }

    @Test
    void shouldDropQuotedLinesOfAnInterleavedReply() {
        assertEquals("Yes.\n\nAnd no.", ReplyText.cut("> Did it work?\nYes.\n\n> Any problems?\nAnd no."));
    }

    @Test
    void shouldTurnHtmlIntoPlainTextWithoutTheQuoteOrAnyMarkup() {
        String html = "<html><head><style>p{}</style><script>alert(1)</script></head><body>"
                + "<div dir=\"ltr\">We pooled the orders<br>with the <b>northern</b> region.<p>Worked &amp; well.</p>"
                + "</div><div class=\"gmail_quote\">On Tue wrote:<blockquote>Ana replied</blockquote></div>"
                + "<img src=\"https://tracker.example/x.png\" onerror=\"alert(2)\"></body></html>";
        assertEquals("We pooled the orders\nwith the northern region.\nWorked & well.", ReplyText.fromHtml(html));
    }

    @Test
    void shouldCutOutlookOnTheWebsQuotedOriginalThatFollowsItsHeaderBlock() {
        // Outlook on the web and new Outlook: the header block is a div, the original its following siblings.
        String html = "<html><body><div style=\"font-family: Aptos\">We pooled the orders with the northern "
                + "region.</div><div>&nbsp;</div><div>Worked well.</div><div id=\"appendonsend\"></div>"
                + "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" "
                + "dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> Learning Log &lt;ll@example.org&gt;<br>"
                + "<b>Sent:</b> Tuesday, November 24, 2026 11:10<br><b>To:</b> Jonas<br><b>Subject:</b> a new reply"
                + "</font><div>&nbsp;</div></div><div>Ana replied: Pool the orders</div>"
                + "<div>Open the thread</div></body></html>";
        assertEquals(WORDS, fromHtmlReply(html));
    }

    @Test
    void shouldCutOutlookForWindowsHtmlHeaderBlockInGerman() {
        // Outlook for Windows (Word's HTML): the header block is a paragraph in a bordered div, the original after.
        String html = "<html><body><div class=WordSection1><p class=MsoNormal>We pooled the orders with the "
                + "northern region.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>"
                + "Worked well.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div><div style='border:none;"
                + "border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>Von:</b> "
                + "Learning Log &lt;ll@example.org&gt; <br><b>Gesendet:</b> Dienstag, 24. November 2026 11:10<br>"
                + "<b>An:</b> Jonas<br><b>Betreff:</b> Neue Antwort<o:p></o:p></p></div></div><p class=MsoNormal>"
                + "Ana hat geantwortet<o:p></o:p></p></div></body></html>";
        assertEquals(WORDS, fromHtmlReply(html));
    }

    @Test
    void shouldCutAppleMailsAndGmailsHtmlQuotesInSpanishAndGerman() {
        String apple = "<html><body><div>We pooled the orders with the northern region.</div><div><br></div>"
                + "<div>Worked well.</div><div><br><blockquote type=\"cite\"><div>El 24 nov 2026, a las 11:10, "
                + "Learning Log &lt;ll@example.org&gt; escribió:</div><br><div>Ana respondió</div></blockquote>"
                + "</div></body></html>";
        assertEquals(WORDS, fromHtmlReply(apple));
        String gmail = "<div dir=\"ltr\">We pooled the orders with the northern region.<div><br></div>"
                + "<div>Worked well.</div></div><br><div class=\"gmail_quote gmail_quote_container\"><div "
                + "dir=\"ltr\" class=\"gmail_attr\">Am Di., 24. Nov. 2026 um 11:10 Uhr schrieb Learning Log &lt;"
                + "<a href=\"mailto:ll@example.org\">ll@example.org</a>&gt;:<br></div><blockquote "
                + "class=\"gmail_quote\">Ana hat geantwortet</blockquote></div>";
        assertEquals(WORDS, fromHtmlReply(gmail));
    }

    /** What the inbound processing keeps of an HTML-only reply: made plain, then cut. */
    private static String fromHtmlReply(String html) {
        return ReplyText.cut(ReplyText.fromHtml(html));
    }
}
