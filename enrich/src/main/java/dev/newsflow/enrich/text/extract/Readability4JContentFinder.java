package dev.newsflow.enrich.text.extract;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Main content as Readability4J (a Kotlin port of Mozilla Readability) finds it; kept to compare against. */
final class Readability4JContentFinder implements ContentFinder {

    private static final String BASE_URI = "http://localhost/";

    @Override
    public Element find(Document page, String html) {
        Article article = new Readability4J(BASE_URI, page).parse();
        return article.getArticleContent();
    }
}
