package dev.newsflow.runtime;

import dev.newsflow.schemas.avro.DeadLetter;

/**
 * What a processing step made of one record: a value to pass on, or a dead letter saying why not.
 * Lets a topology branch failures to its dead-letter topic without throwing, so the stream goes on.
 */
public record Outcome<T>(T value, DeadLetter deadLetter) {

    public static <T> Outcome<T> ok(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failed(DeadLetter deadLetter) {
        return new Outcome<>(null, deadLetter);
    }

    public boolean isOk() {
        return deadLetter == null;
    }
}
