package dev.newsflow.enrich.text.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds the element that holds a whole page's main text. May change the document it is given. */
interface ContentFinder {

    /**
     * @param page the parsed page
     * @param html the page's source, for a finder that needs a fresh copy to retry with other rules
     * @return the main-content element, or null when the page has none worth reading
     */
    Element find(Document page, String html);
}
