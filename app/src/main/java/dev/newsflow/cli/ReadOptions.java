package dev.newsflow.cli;

import picocli.CommandLine.Option;

/** Options of the commands that read a topic for people (dead-letters, posts). */
final class ReadOptions {

    @Option(names = "--max", defaultValue = "1000", description = "Stop after this many (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--follow", description = "Keep waiting for new records until stopped (Ctrl-C).")
    boolean follow;
}
