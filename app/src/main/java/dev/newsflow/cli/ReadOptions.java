package dev.newsflow.cli;

import picocli.CommandLine.Option;

/** Options of the commands that read a topic for people (dead-letters, posts). */
final class ReadOptions {

    @Option(names = "--max", description = "Stop after this many (default: 1000, or no limit with --follow).")
    Integer max;

    @Option(names = "--follow", description = "Keep waiting for new records until stopped (Ctrl-C).")
    boolean follow;

    /** --max if given; else 1000, or no limit when following (a follow must not stop at the history's first 1000). */
    int limit() {
        if (max != null && max < 1) {
            throw new IllegalArgumentException("--max must be at least 1, not " + max);
        }
        return max != null ? max : follow ? Integer.MAX_VALUE : 1000;
    }
}
