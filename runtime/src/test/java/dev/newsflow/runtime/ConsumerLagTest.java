package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    @Test
    void shouldSayOnceThatKafkaDoesNotAnswerAndGiveNaNMeanwhile() {
        Properties kafka = new Properties();
        kafka.put("bootstrap.servers", "127.0.0.1:1"); // nothing listens there
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ConsumerLag.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ManualClock clock = new ManualClock(Instant.parse("2026-11-29T03:00:00Z"));
        try (ConsumerLag lag = new ConsumerLag(kafka, "newsflow-test", List.of("news.articles.raw"),
                Duration.ofMillis(300), Duration.ofSeconds(1), clock)) {
            for (int i = 0; i < 3; i++) {
                assertThat(lag.lagByTopic()).isEmpty();
                clock.advance(Duration.ofSeconds(2)); // past the cache: each is a new measurement
            }
        } finally {
            logger.detachAppender(appender);
        }

        List<ILoggingEvent> warnings = appender.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        // one line for the outage, not one per measurement
        assertThat(warnings).singleElement().satisfies(e ->
                assertThat(e.getFormattedMessage()).contains("Kafka does not answer", "group=newsflow-test"));
    }
}
