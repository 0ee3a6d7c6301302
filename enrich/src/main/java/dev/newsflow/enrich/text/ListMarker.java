package dev.newsflow.enrich.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * How a numbered list writes its numbers. A list the source letters "a, b, c" is referred to by those letters
 * ("option (b)"), so a post that shows "1, 2, 3" misleads; HTML's {@code type} attribute says it in the one form
 * every reader and sanitiser understands.
 */
public enum ListMarker {
    DECIMAL("1"), LOWER_ALPHA("a"), UPPER_ALPHA("A"), LOWER_ROMAN("i"), UPPER_ROMAN("I");

    /** A {@code list-style-type} or {@code list-style} in an inline style; the last one given wins, as in CSS. */
    private static final Pattern STYLE = Pattern.compile(
            "(?i)(?:^|;)\\s*list-style(?:-type)?\\s*:[^;]*?\\b(decimal|lower-alpha|lower-latin|upper-alpha|upper-latin"
                    + "|lower-roman|upper-roman)\\b");

    private final String type;

    ListMarker(String type) {
        this.type = type;
    }

    /** The value of {@code <ol type>} for this marker. */
    public String type() {
        return type;
    }

    /** The marker of an {@code <ol>}: its inline style's list style, else its {@code type}, else decimal. */
    public static ListMarker of(Element ol) {
        String style = ol.attr("style");
        if (!style.isEmpty() && style.length() <= 2_000) { // a hostile style attribute costs nothing
            Matcher m = STYLE.matcher(style);
            String last = null;
            while (m.find()) {
                last = m.group(1).toLowerCase(Locale.ROOT);
            }
            if (last != null) {
                return switch (last) {
                    case "lower-alpha", "lower-latin" -> LOWER_ALPHA;
                    case "upper-alpha", "upper-latin" -> UPPER_ALPHA;
                    case "lower-roman" -> LOWER_ROMAN;
                    case "upper-roman" -> UPPER_ROMAN;
                    default -> DECIMAL;
                };
            }
        }
        String type = ol.attr("type").strip(); // case matters: "a" and "A" are different lists
        for (ListMarker marker : values()) {
            if (marker.type.equals(type)) {
                return marker;
            }
        }
        return DECIMAL;
    }
}
