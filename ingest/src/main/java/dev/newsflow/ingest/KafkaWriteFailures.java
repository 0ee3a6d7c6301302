package dev.newsflow.ingest;

import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/** What a write Kafka did not acknowledge means for the sender: the API's and the importer's shared reading. */
final class KafkaWriteFailures {

    private KafkaWriteFailures() {
    }

    /** A write that was never handed to Kafka; its cause, when there is one, is an earlier write's failure. */
    static final class NotSent extends Exception {
        NotSent(Throwable cause) {
            super("not sent", cause, false, false);
        }
    }

    /**
     * Kafka refused the write for a reason no retry changes (ingest's ACLs or credentials): the client must hear that,
     * not "retry", or it loops forever while an operator is needed. A missing topic is not among them: the producer
     * reports it as a timeout, and it is answered 503.
     */
    static boolean isPermanent(Throwable cause) {
        return cause instanceof org.apache.kafka.common.errors.AuthorizationException
                || cause instanceof org.apache.kafka.common.errors.AuthenticationException
                || cause instanceof org.apache.kafka.common.errors.SerializationException
                || cause instanceof org.apache.kafka.common.errors.InvalidTopicException;
    }

    static String refusedDetail(Throwable cause) {
        return "Kafka refused the write (" + cause.getClass().getSimpleName() + "): not stored, and a retry will "
                + "fail the same way until an operator fixes the cluster's settings; the stage's log says more";
    }

    /** Kafka did not acknowledge in time: the producer's own timeout, or the caller's wait for it. */
    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException;
    }

    /**
     * What an operator should read into a failure, appended to its log line: the producer says a topic is "not present
     * in metadata" when it cannot reach a broker at all, which read like a deleted topic during an outage.
     */
    static String meaning(Throwable cause) {
        if (isTimeout(cause)) {
            return ": Kafka did not acknowledge in time, most often because no broker answers (/health/ready shows"
                    + " brokerError; a deleted topic reads the same); answered 503 with Retry-After";
        }
        return "";
    }

    /** The metric's reason for a write Kafka did not acknowledge (one of {@link IngestMetrics#FAILURE_REASONS}, or too-large). */
    static String reasonOf(Throwable cause) {
        if (isTimeout(cause)) {
            return "kafka-timeout";
        }
        if (cause instanceof RecordTooLargeException) {
            return "too-large";
        }
        if (cause instanceof NotSent) {
            return "not-sent";
        }
        if (isPermanent(cause)) {
            return "kafka-refused";
        }
        if (cause instanceof InterruptedException) {
            return "interrupted";
        }
        return "kafka-error";
    }
}
