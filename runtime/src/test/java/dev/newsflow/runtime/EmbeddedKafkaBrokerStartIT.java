package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

/** The embedded broker the demo and the tests run on, started for real. */
class EmbeddedKafkaBrokerStartIT {

    @Test
    void shouldStartOnOtherPortsWhenOneIsTakenBeforeItBindsIt() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        try (ServerSocket taken = new ServerSocket(0)) {
            // the first port found "free" is taken by the time the broker binds it, as another process may do
            EmbeddedKafkaBroker.Ports ports = () -> asked.getAndIncrement() == 0 ? taken.getLocalPort() : freePort();
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(ports);
                 Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {

                assertThat(broker.bootstrapServers()).doesNotEndWith(":" + taken.getLocalPort());
                assertThat(admin.describeCluster().nodes().get()).hasSize(1); // it answers
                assertThat(asked).hasValue(4); // two ports a try, tried twice
            }
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
