package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class BrokerReachabilityIT {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T03:00:00Z"));

    @Test
    void shouldBeUpWhileTheBrokerAnswers(KafkaBroker broker) {
        try (BrokerReachability reachability = new BrokerReachability(bootstrap(broker.bootstrapServers()),
                Duration.ofSeconds(5), Duration.ofSeconds(5), clock)) {
            HealthStatus status = reachability.check();

            assertThat(status.up()).isTrue();
            assertThat(status.details()).containsEntry("brokers", 1);
        }
    }

    @Test
    void shouldBeDownWhenNoBrokerAnswersAndAskAgainOnlyAfterTheCacheTime() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // nothing listens there once the socket is closed
        }
        try (BrokerReachability reachability = new BrokerReachability(bootstrap("127.0.0.1:" + closedPort),
                Duration.ofMillis(500), Duration.ofSeconds(5), clock)) {
            HealthStatus down = reachability.check();

            assertThat(down.up()).isFalse();
            assertThat(down.details()).containsKey("brokerError");
            assertThat(reachability.check()).isSameAs(down); // within the cache time: no new call
            clock.advance(Duration.ofSeconds(6));
            assertThat(reachability.check()).isNotSameAs(down);
        }
    }

    private static Properties bootstrap(String servers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        return props;
    }
}
