package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HealthCommandTest {

    @Test
    void shouldTellAProbeItCannotAskFromAStageThatIsNotReady() {
        StringWriter err = new StringWriter();
        CommandLine health = new CommandLine(new HealthCommand()).setErr(new PrintWriter(err));

        // a mistake in the probe: 2, not the 1 of "not ready" that would have a supervisor restart a healthy stage
        assertThat(health.execute("notaurl")).isEqualTo(2);
        assertThat(health.execute("ftp://127.0.0.1/x")).isEqualTo(2);
        assertThat(err.toString()).contains("is not an http(s) URL with a host");
        // nothing listens on port 1: an answer it could not get is "not ready"
        assertThat(health.execute("http://127.0.0.1:1/health/ready")).isEqualTo(1);
    }
}
