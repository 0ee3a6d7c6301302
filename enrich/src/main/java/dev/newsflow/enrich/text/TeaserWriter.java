package dev.newsflow.enrich.text;

import java.util.List;

/** Writes the teaser for an article: the editor's when given, otherwise one made from the text. */
public interface TeaserWriter {

    /**
     * @param headline     the headline (a teaser never just repeats it)
     * @param paragraphs   clean main-text paragraphs
     * @param editorTeaser the editor's teaser, or null
     */
    Teaser write(String headline, List<String> paragraphs, String editorTeaser);
}
