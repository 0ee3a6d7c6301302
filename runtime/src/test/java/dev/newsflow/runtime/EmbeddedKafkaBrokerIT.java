package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.runtime.testing.KafkaBroker;
import dev.newsflow.runtime.testing.KafkaBrokerExtension;
import dev.newsflow.schemas.TopicSpec;
import dev.newsflow.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
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

    @Test
    void shouldRefuseAnExistingTopicWithTheWrongCleanupPolicyAndSetMinInsyncReplicasOnNewOnes(KafkaBroker broker)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(Set.of(new NewTopic("drift.made-by-hand", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "delete")))).all().get();
            TopicSpec compacted = new TopicSpec("drift.made-by-hand", 3, Map.of("cleanup.policy", "compact"));

            assertThatThrownBy(() -> TopicSetup.ensure(admin, List.of(compacted), Duration.ofSeconds(60)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topic drift.made-by-hand has cleanup.policy=delete where newsflow needs compact")
                    // it holds every article: deleting it is never the advice
                    .hasMessageContaining("do not delete the topic");

            TopicSpec fresh = new TopicSpec("drift.fresh", 3, Map.of("cleanup.policy", "delete"));
            TopicSetup.ensure(admin, List.of(fresh), Duration.ofSeconds(60),
                    new TopicSetup.Replication(Optional.of((short) 1), Optional.of(1)));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "drift.fresh");
            assertThat(admin.describeConfigs(Set.of(resource)).all().get().get(resource).get("min.insync.replicas").value())
                    .isEqualTo("1");
        }
    }

    @Test
    void shouldCheckATopicSomeoneCreatedBetweenListingAndCreatingAsAnyExistingOne(KafkaBroker broker) throws Exception {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin other = Admin.create(config);
             Admin racing = new org.apache.kafka.clients.admin.ForwardingAdmin(config) {
                 @Override
                 public org.apache.kafka.clients.admin.ListTopicsResult listTopics() {
                     // the listing is taken, then another instance (or an operator) creates the topic, wrongly
                     org.apache.kafka.clients.admin.ListTopicsResult listed = super.listTopics();
                     try {
                         listed.names().get();
                         other.createTopics(Set.of(new NewTopic("race.made-by-hand", 1, (short) 1)
                                 .configs(Map.of("cleanup.policy", "delete")))).all().get();
                     } catch (Exception e) {
                         throw new IllegalStateException(e);
                     }
                     return listed;
                 }
             }) {
            TopicSpec compacted = new TopicSpec("race.made-by-hand", 1, Map.of("cleanup.policy", "compact"));

            assertThatThrownBy(() -> TopicSetup.ensure(racing, List.of(compacted), Duration.ofSeconds(60)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("topic race.made-by-hand has cleanup.policy=delete where newsflow needs compact");
        }
    }

    @Test
    void shouldSayWhatKafkaRefusedInsteadOfAskingWhetherItIsRunning(KafkaBroker broker) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicSpec spec = new TopicSpec("refused.three-copies", 1, Map.of());

            // one broker cannot keep three copies: Kafka answers at once, and that answer is the message
            assertThatThrownBy(() -> TopicSetup.ensure(admin, List.of(spec), Duration.ofSeconds(30),
                    new TopicSetup.Replication(Optional.of((short) 3), Optional.empty())))
                    .isInstanceOf(TopicSetup.TopicRefused.class)
                    .hasMessageContaining("Kafka refused to create topic refused.three-copies")
                    .hasMessageContaining("InvalidReplicationFactorException")
                    .hasMessageContaining("more copies than the cluster has brokers");
        }
    }
}
