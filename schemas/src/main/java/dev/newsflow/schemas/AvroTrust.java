package dev.newsflow.schemas;

import dev.newsflow.schemas.avro.RawArticle;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes it does not trust when decoding, including its own generated
 * classes (when decoding, and when deep-copying with {@code newBuilder(other)}). We trust exactly our generated
 * package, in code, so no JVM flag is needed: the serdes call {@link #ensure()}, and so must code that copies
 * records before any serde was loaded.
 */
public final class AvroTrust {

    private static final String GENERATED_PACKAGE = RawArticle.class.getPackageName();

    static {
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                ClassSecurityValidator.getGlobal(),
                cls -> GENERATED_PACKAGE.equals(cls.getPackageName())));
    }

    private AvroTrust() {
    }

    /** Triggers the class initialiser once; safe to call from anywhere, any number of times. */
    public static void ensure() {
        // the static initialiser above does the work
    }
}
