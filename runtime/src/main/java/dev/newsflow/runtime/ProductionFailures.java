package dev.newsflow.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record a Streams stage could not write (the broker refused it, or it could not be serialised): one ERROR line that
 * says what, where and why (the topic written to, the source record's topic, partition and offset, the article id,
 * the broker's answer and what to check), then FAIL, as Kafka Streams' default does. Failing keeps exactly-once: the
 * transaction is aborted and the record is read again once the cause is fixed, so no post is lost for one section;
 * the thread-death policy ({@link StreamsRunner}) replaces the thread, then stops the stage. Without this the log
 * held only the task id ("stream-task [0_0]") in about a hundred lines of traces. Kafka Streams 4.4 treats an
 * authorization failure as fatal before asking this handler: a missing WRITE ACL kills the thread with Kafka's own
 * message.
 *
 * <p>Configured through the Streams properties ({@link StreamsSettings#forStage}): {@value DeadLetterQueueHandler#STAGE}
 * and, optionally, the stage's registry under {@value DeadLetterQueueHandler#REGISTRY}, for
 * {@code newsflow_production_failures_total{stage,topic}}.
 */
public final class ProductionFailures implements ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProductionFailures.class);
    private static final int MAX_ID_CHARS = 200;

    private String stage;
    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        this.stage = String.valueOf(configs.get(DeadLetterQueueHandler.STAGE));
        this.registry = configs.get(DeadLetterQueueHandler.REGISTRY) instanceof MeterRegistry r ? r : null;
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        report(context, record == null ? null : record.topic(), exception, "write");
        return Response.fail();
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        report(context, record == null ? null : record.topic(), exception, "serialise the " + origin.name().toLowerCase(java.util.Locale.ROOT) + " of");
        return Response.fail();
    }

    private void report(ErrorHandlerContext context, String sinkTopic, Exception exception, String what) {
        if (registry != null) {
            counter(registry, stage, String.valueOf(sinkTopic)).increment();
        }
        log.error("Could not {} a record stage={} topic={} sourceTopic={} partition={} offset={} articleId={} reason={}:"
                        + " {}; decision=FAIL (the transaction is aborted and the record read again, so nothing is lost;"
                        + " the stage stops after repeated failures)", what, stage, sinkTopic, context.topic(),
                context.partition(), context.offset(), articleId(context.sourceRawKey()),
                LogValues.printable(String.valueOf(exception), 500), advice(exception, sinkTopic));
    }

    /**
     * The counters of every topic a stage writes, at 0 before its first record: a series that is born at 1 shows
     * no increase to Prometheus ({@code increase(...[10m]) > 0} never fires on a stage's first failed write).
     */
    public static void registerAtZero(MeterRegistry registry, String stage, Collection<String> topics) {
        for (String topic : topics) {
            counter(registry, stage, topic);
        }
    }

    private static Counter counter(MeterRegistry registry, String stage, String topic) {
        return Counter.builder("newsflow.production.failures").description("Records a stage could not write, by topic")
                .tag("stage", stage).tag("topic", topic).register(registry);
    }

    /** What to check, by what the broker said. */
    static String advice(Exception exception, String topic) {
        if (exception instanceof RecordTooLargeException) {
            return "the record is larger than " + topic + " accepts: check its max.message.bytes (kafka-configs"
                    + " --describe --entity-type topics --entity-name " + topic + ") and the broker's message.max.bytes;"
                    + " newsflow needs 8388608";
        }
        if (exception instanceof UnknownTopicOrPartitionException) {
            return topic + " does not exist (deleted?): restart the stage with topics.create=true, or create it as"
                    + " docs/operations.md says";
        }
        return "see the cause; a record that fails every time stops the stage after repeated thread deaths";
    }

    private static String articleId(byte[] key) {
        return key == null ? null : LogValues.printable(new String(key, StandardCharsets.UTF_8), MAX_ID_CHARS);
    }
}
