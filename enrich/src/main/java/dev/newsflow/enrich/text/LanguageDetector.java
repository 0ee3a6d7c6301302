package dev.newsflow.enrich.text;

/** Detects the language of clean text. */
public interface LanguageDetector {
    DetectedLanguage detect(String text);
}
