package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The option checks of the topic readers, which need no Kafka: a bad option is exit 2 with a message, at once. */
class ReadCommandsTest {

    private static int run(Object command, StringWriter err, String... args) {
        return new CommandLine(command).setExecutionExceptionHandler(new FailureReport()).setErr(new PrintWriter(err))
                .setOut(new PrintWriter(new StringWriter())).execute(args);
    }

    @Test
    void shouldRefuseBadOptionsBeforeAskingKafkaAnything() {
        StringWriter err = new StringWriter();

        assertThat(run(new PostsCommand(), err, "--bootstrap-servers", "127.0.0.1:1", "--max", "0")).isEqualTo(2);
        assertThat(run(new PostsCommand(), err, "--bootstrap-servers", "127.0.0.1:1", "--section", "gossip")).isEqualTo(2);
        assertThat(run(new DeadLettersCommand(), err, "--bootstrap-servers", "127.0.0.1:1", "--reason", "nul-value")).isEqualTo(2);
        assertThat(err.toString()).contains("--max must be at least 1", "--section must be one of", "--reason must be one of");
    }

    @Test
    void shouldFollowWithoutALimitUnlessOneIsGiven() {
        ReadOptions follow = new ReadOptions();
        follow.follow = true;
        ReadOptions once = new ReadOptions();

        assertThat(follow.limit()).isEqualTo(Integer.MAX_VALUE);
        assertThat(once.limit()).isEqualTo(1000);
        follow.max = 5;
        assertThat(follow.limit()).isEqualTo(5);
    }
}
