package dev.newsflow.runtime;

import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.avro.DeadLetter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence of a Streams stage: an exception no processor caught (a bug, or input nobody foresaw)
 * sends the source record to the stage's dead-letter topic, as the stage's own dead letters do (Avro
 * {@code DeadLetter}, raw bytes, reason {@code unhandled-exception}, source coordinates, counted and logged), and the
 * stream goes on, instead of the thread dying and re-reading the same record. Kafka Streams writes the dead letter
 * in the same transaction as the task's output (KIP-1034).
 *
 * <p>Configured through the Streams properties ({@link StreamsSettings#forStage}): {@value #STAGE}, {@value #TOPIC}
 * and, optionally, the stage's {@link MeterRegistry} under {@value #REGISTRY}.
 */
public final class DeadLetterQueueHandler implements ProcessingExceptionHandler {

    public static final String STAGE = "newsflow.dead.letter.stage";
    public static final String TOPIC = "newsflow.dead.letter.topic";
    public static final String REGISTRY = "newsflow.dead.letter.registry";
    public static final DeadLetterReason REASON = DeadLetterReason.UNHANDLED_EXCEPTION;

    private String stage;
    private String topic;
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        this.stage = String.valueOf(configs.get(STAGE));
        this.topic = (String) configs.get(TOPIC);
        if (topic == null) {
            throw new IllegalArgumentException(TOPIC + " is required: the topic dead letters go to");
        }
        Object registry = configs.get(REGISTRY);
        this.deadLetters = new DeadLetters(stage, registry instanceof MeterRegistry r ? r : new SimpleMeterRegistry());
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (record == null || context.offset() < 0) {
            // a punctuation (embargo release, ...; it has no offset): no source record to keep, and resuming would commit whatever
            // state it changed; fail, so the transaction rolls back and the thread-death policy decides
            LoggerFactory.getLogger(DeadLetterQueueHandler.class).error(
                    "Unhandled exception outside a record stage={} task={} node={} decision=FAIL reason={}", stage,
                    context.taskId(), context.processorNodeId(), exception.toString(), exception);
            return Response.fail();
        }
        DeadLetter letter = deadLetters.create(context.sourceRawKey(), context.sourceRawValue(), REASON, exception,
                Optional.of(DeadLetters.origin(context.topic(), context.partition(), context.offset())), Instant.now());
        byte[] value = Serdes.DEAD_LETTER.serializer().serialize(topic, letter);
        return Response.resume(List.of(new ProducerRecord<>(topic, null, context.sourceRawKey(), value)));
    }
}
