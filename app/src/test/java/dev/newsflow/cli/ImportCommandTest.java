package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

    @Test
    void shouldExitFourNotOneWhenKafkaCannotBeReachedSoNothingWasImported(@TempDir Path dir) throws Exception {
        Path articles = Files.writeString(dir.resolve("a.ndjson"), "{\"uri\":\"a-1\",\"title\":\"T\",\"body\":\"B\"}\n");
        Path config = Files.writeString(dir.resolve("newsflow.properties"), "topics.create.timeout.ms=1000\n");
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new ImportCommand()).setExecutionExceptionHandler(new FailureReport())
                .setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()))
                .execute("--config", config.toString(), "--bootstrap-servers", "127.0.0.1:1", articles.toString());

        assertThat(exit).isEqualTo(4);
        assertThat(err.toString()).contains("127.0.0.1:1");
    }
}
