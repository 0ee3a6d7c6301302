package dev.newsflow.enrich.text;

import java.util.List;

/** Writes the teaser for an article: the editor's when given, otherwise one made from the text. */
public interface TeaserWriter {

    /**
     * @param headline     the headline (a teaser never just repeats it)
     * @param paragraphs   clean main-text paragraphs
     * @param editorTeaser the editor's teaser, or null
     * @param language     the text's language (ISO 639-1, maybe with a region), or null or "und" when not known:
     *                     whether "12." can be an ordinal ("am 12. Mai") or ends a sentence ("I am 12. My ...")
     */
    Teaser write(String headline, List<String> paragraphs, String editorTeaser, String language);
}
