package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.TopicSpec;
import dev.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class EmbeddedKafkaBrokerIT {

    @Test
    void shouldCreateEveryPipelineTopicWithItsSettingsAndLeaders(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicSetup.ensure(admin, Topics.all(), Duration.ofSeconds(60));
            TopicSetup.ensure(admin, Topics.all(), Duration.ofSeconds(60)); // idempotent

            Set<String> names = admin.listTopics().names().get();
            assertThat(names).containsAll(Topics.all().stream().map(TopicSpec::name).toList());
            TopicDescription raw = admin.describeTopics(Set.of(Topics.ARTICLES_RAW)).allTopicNames().get().get(Topics.ARTICLES_RAW);
            assertThat(raw.partitions()).hasSize(3).allSatisfy(p -> assertThat(p.leader()).isNotNull());
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POSTS_CURRENT);
            assertThat(admin.describeConfigs(Set.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
    }
}
