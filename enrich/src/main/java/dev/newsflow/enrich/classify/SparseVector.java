package dev.newsflow.enrich.classify;

/**
 * A weighted feature vector: parallel arrays of distinct bucket index and value.
 */
public record SparseVector(int[] indices, float[] values) {
}
