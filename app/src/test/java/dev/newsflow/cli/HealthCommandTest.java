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

    @Test
    void shouldSayReadyOnlyWhenTheStageAnswers200() throws Exception {
        com.sun.net.httpserver.HttpServer stage = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        for (String[] route : new String[][] {{"/up", "200"}, {"/down", "503"}}) {
            stage.createContext(route[0], exchange -> {
                byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(Integer.parseInt(route[1]), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
        }
        stage.start();
        try {
            String base = "http://127.0.0.1:" + stage.getAddress().getPort();
            CommandLine health = new CommandLine(new HealthCommand()).setErr(new PrintWriter(new StringWriter()));

            // what docker-compose's health checks run: 0 is healthy, anything else a restart in the making
            assertThat(health.execute(base + "/up")).isZero();
            assertThat(health.execute(base + "/down")).isEqualTo(1);
        } finally {
            stage.stop(0);
        }
    }
}
