package dev.newsflow.runtime;

/**
 * Whether an HTML body is a whole web page rather than an article's fragment: one test for ingest (which slims an
 * oversized page and must keep it a page) and enrich (which extracts a page's main text and metadata).
 */
public final class HtmlPages {

    private static final String[] PAGE_TAGS = {"<!doctype", "<html", "<head", "<body"};
    private static final int PAGE_SNIFF_CHARS = 4096;

    private HtmlPages() {
    }

    /** A doctype, html, head or body tag in the first few kilobytes; a scan, not a regex: it runs per record. */
    public static boolean looksLikeWholePage(String body) {
        int end = Math.min(body.length(), PAGE_SNIFF_CHARS);
        for (int i = body.indexOf('<'); i >= 0 && i < end; i = body.indexOf('<', i + 1)) {
            for (String tag : PAGE_TAGS) {
                int after = i + tag.length();
                if (body.regionMatches(true, i, tag, 0, tag.length())
                        && (after == body.length() || !Character.isLetterOrDigit(body.charAt(after)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
