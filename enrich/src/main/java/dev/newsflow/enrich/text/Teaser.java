package dev.newsflow.enrich.text;

/**
 * The short text shown under a headline on a front page.
 *
 * @param text        clean, bounded teaser text
 * @param machineMade false when the editor's own teaser was used
 */
public record Teaser(String text, boolean machineMade) {
}
