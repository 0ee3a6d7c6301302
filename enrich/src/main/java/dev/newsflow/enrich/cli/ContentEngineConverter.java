package dev.newsflow.enrich.cli;

import dev.newsflow.enrich.text.extract.ContentEngine;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code --engine newsflow} or {@code --engine READABILITY4J} alike. */
final class ContentEngineConverter implements ITypeConverter<ContentEngine> {
    @Override
    public ContentEngine convert(String value) {
        return ContentEngine.valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
