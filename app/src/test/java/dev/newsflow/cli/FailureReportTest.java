package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class FailureReportTest {

    @Test
    void shouldNameTheEnvironmentVariableOfAMissingSetting() {
        String report = FailureReport.describe(new ConfigException("Missing required configuration \"api.keys\" which has no default value."));

        assertThat(report).contains("api.keys").contains("set NEWSFLOW_API_KEYS").doesNotContain("--config");
    }

    @Test
    void shouldSayHowToChooseAnotherPortWhenOneIsTaken() {
        String report = FailureReport.describe(new IllegalStateException("Port already in use.",
                new java.net.BindException("Address already in use")));

        assertThat(report).contains("--port").contains("NEWSFLOW_HTTP_PORT");
    }

    @Test
    void shouldSayEachCauseOnceFromTheTop() {
        Exception e = new IllegalStateException("Kafka at 127.0.0.1:1 did not answer the topic setup within 60000 ms",
                new IllegalStateException("topic setup failed while listing topics: java.util.concurrent.TimeoutException",
                        new java.util.concurrent.TimeoutException()));

        assertThat(FailureReport.describe(e)).startsWith("Kafka at 127.0.0.1:1 did not answer")
                .contains("listing topics").doesNotContain("\n");
    }
}
