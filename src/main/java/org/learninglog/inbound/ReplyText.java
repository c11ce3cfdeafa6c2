package org.learninglog.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What a person wrote in a reply by email: the text above the quoted original and the signature. Knows the
 * quote headers of the common clients (Outlook, Gmail, Apple Mail, Thunderbird) in English, German, Spanish and
 * Polish, and turns HTML-only mail into plain text (Jsoup parses it; only text nodes come out, never markup).
 */
final class ReplyText {

    private ReplyText() {
    }

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** A line that starts the quoted original or the signature: everything from it on is cut. */
    private static final List<Pattern> CUT_AT = List.of(
            // "-- " (RFC 3676 signature separator), and "--" as clients that strip trailing spaces send it
            Pattern.compile("^--\\s*$"),
            Pattern.compile("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Mensaje original|Wiadomość oryginalna"
                    + "|Forwarded message|Weitergeleitete Nachricht|Mensaje reenviado)\\s*-{2,}\\s*$", FLAGS),
            // Outlook's separator above its header block
            Pattern.compile("^_{10,}\\s*$"),
            // Gmail, Apple Mail, Thunderbird: "On … wrote:", "Am … schrieb …:", "El … escribió:", "W dniu … pisze:"
            Pattern.compile("^On\\b.{0,200}\\bwrote:\\s*$", FLAGS),
            Pattern.compile("^Am\\b.{0,200}\\bschrieb\\b.{0,200}:\\s*$", FLAGS),
            Pattern.compile("^El\\b.{0,200}\\bescribi[óo]:\\s*$", FLAGS),
            Pattern.compile("^(W dniu|Dnia)\\b.{0,200}\\b(pisze|napisał\\(a\\)|napisał|napisała):\\s*$", FLAGS),
            // Mobile clients' own signatures
            Pattern.compile("^(Sent from my|Von meinem|Enviado desde mi|Wysłane z mojego|Get Outlook for)\\b.*$",
                    FLAGS));

    /** The start of a quote header that Gmail may wrap onto a second line. */
    private static final Pattern WRAPPED_START = Pattern.compile("^(On|Am|El|W dniu|Dnia)\\b.*$", FLAGS);

    /** Outlook's header block: "From:" (Von:, De:, Od:) followed by another of its header lines. */
    private static final Pattern HEADER_FROM = Pattern.compile("^\\*?(From|Von|De|Od):\\*?\\s.*$", FLAGS);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\*?(Sent|Date|To|Cc|Subject|Gesendet|Datum|An|Betreff|Enviado|Fecha|Para|Asunto|Wysłano|Data|Do|"
                    + "Temat):\\*?\\s.*$",
            FLAGS);

    /** The person's own words of a plain-text reply. */
    static String cut(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (cutsAt(line) || i + 1 < lines.length && WRAPPED_START.matcher(line.strip()).matches()
                    && cutsAt(line.strip() + " " + lines[i + 1].strip())) {
                break;
            }
            if (HEADER_FROM.matcher(line.strip()).matches() && nextHeaderWithin(lines, i + 1)) {
                break;
            }
            if (line.startsWith(">")) {
                continue; // a quoted line in an interleaved reply
            }
            kept.add(line);
        }
        return String.join("\n", kept).strip();
    }

    private static boolean cutsAt(String line) {
        String candidate = line.strip();
        return CUT_AT.stream().anyMatch(p -> p.matcher(candidate).matches()) && !candidate.isEmpty();
    }

    private static boolean nextHeaderWithin(String[] lines, int from) {
        for (int i = from; i < Math.min(lines.length, from + 4); i++) {
            if (HEADER_NEXT.matcher(lines[i].strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where Outlook (on the web, new Outlook, for Mac) and Yahoo start the quoted original: its header block is one
     * element and the original follows it as siblings, not inside it, so everything from the first of these on goes.
     */
    private static final String QUOTE_STARTS = "#appendonsend, #divRplyFwdMsg, div.OutlookMessageHeader, "
            + "#mail-editor-reference-message-container, hr#stopSpelling, div.yahoo_quoted";

    /** Plain text of an HTML body without the quoted original the clients mark up as such. */
    static String fromHtml(String html) {
        Document document = Jsoup.parse(html);
        document.select("head, script, style, blockquote, div.gmail_quote, div.gmail_signature, "
                + "div.moz-cite-prefix").remove();
        Element quoteStart = document.body().selectFirst(QUOTE_STARTS);
        if (quoteStart != null) {
            cutFrom(quoteStart);
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    // A no-break space (&nbsp;, Outlook's empty paragraphs) is a space here, so blank lines go.
                    text.append(textNode.getWholeText().replace('\u00a0', ' ').replaceAll("\\s+", " "));
                } else if (node instanceof Element element && element.nameIs("br")) {
                    text.append('\n');
                } else if (node instanceof Element element && element.isBlock() && !text.isEmpty()) {
                    newLine(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    newLine(text);
                }
            }
        }, document.body());
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\n", -1)) {
            lines.add(line.strip());
        }
        return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Removes the element and everything after it in the document, up to the end of the body. */
    private static void cutFrom(Element start) {
        for (Element at = start; at != null && !at.nameIs("body"); at = at.parent()) {
            Node next = at.nextSibling();
            while (next != null) {
                Node following = next.nextSibling();
                next.remove();
                next = following;
            }
        }
        start.remove();
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}
