package dev.newsflow.enrich.classify;

/**
 * Hyper-parameters of {@link ModelTrainer}. The defaults were chosen by 5-fold cross-validation on the data in
 * {@code shared/data/categories} (see docs/classifier.md).
 *
 * @param hashBits feature buckets are {@code 2^hashBits}
 * @param epochs   passes of stochastic gradient descent over the data
 * @param lambda   L2 regularisation strength per example
 * @param eta0     initial learning rate; it decays as {@code eta0 / (1 + eta0 * lambda * t)}
 * @param seed     seed of the shuffling, the only randomness in training
 */
public record TrainingParameters(int hashBits, int epochs, double lambda, double eta0, long seed) {

    // constants so that `newsflow train --help` can name them (annotation values must be compile-time constants)
    public static final int DEFAULT_HASH_BITS = 19;
    public static final int DEFAULT_EPOCHS = 30;
    public static final String DEFAULT_LAMBDA = "2e-5";
    public static final String DEFAULT_ETA0 = "2.0";
    public static final long DEFAULT_SEED = 20261128L;

    public static final TrainingParameters DEFAULTS = new TrainingParameters(DEFAULT_HASH_BITS, DEFAULT_EPOCHS,
            Double.parseDouble(DEFAULT_LAMBDA), Double.parseDouble(DEFAULT_ETA0), DEFAULT_SEED);

    public TrainingParameters {
        if (epochs < 1 || !(lambda > 0) || !(eta0 > 0)) {
            throw new IllegalArgumentException("epochs must be >= 1, lambda and eta0 > 0");
        }
    }
}
