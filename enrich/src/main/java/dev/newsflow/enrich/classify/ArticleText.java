package dev.newsflow.enrich.classify;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.regex.Pattern;

/**
 * The text the classifier reads: headline and body, with HTML reduced to its text. This is not the article
 * extractor (which removes navigation and boilerplate from whole pages); it only makes an HTML body readable, with
 * a blank line between block elements as the enrich stage joins paragraphs, so an article's lead (headline and first
 * paragraph, {@link Vectorizer#leadEnd}) is the same whichever way the text came in.
 */
public final class ArticleText {

    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[^<>]*>");

    private ArticleText() {
    }

    public static String plain(String title, String body) {
        return Vectorizer.articleText(stripHtml(title), stripHtml(body));
    }

    public static String stripHtml(String text) {
        if (text == null || text.indexOf('<') < 0 || !LOOKS_LIKE_HTML.matcher(text).find()) {
            return text == null ? "" : text;
        }
        return blockText(Jsoup.parseBodyFragment(text).body());
    }

    /** The element's text, whitespace collapsed as in {@link Element#text()}, blocks separated by a blank line. */
    private static String blockText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    appendCollapsed(out, text.text());
                } else if (node instanceof Element element && node != root) {
                    if (element.nameIs("br")) {
                        lineBreak(out, "\n");
                    } else if (element.isBlock()) {
                        lineBreak(out, "\n\n");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && node != root && element.isBlock() && !element.nameIs("br")) {
                    lineBreak(out, "\n\n");
                }
            }
        }, root);
        return out.toString().strip();
    }

    private static void appendCollapsed(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                int last = out.length() - 1;
                if (last >= 0 && out.charAt(last) != ' ' && out.charAt(last) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    private static void lineBreak(StringBuilder out, String kind) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        if (end == 0 || out.toString().endsWith(kind) || out.toString().endsWith("\n\n")) {
            return;
        }
        if (out.charAt(end - 1) == '\n') {
            out.append(kind, 1, kind.length());
        } else {
            out.append(kind);
        }
    }
}
