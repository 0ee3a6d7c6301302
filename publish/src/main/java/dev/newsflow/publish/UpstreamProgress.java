package dev.newsflow.publish;

import java.time.Instant;

/**
 * Whether everything written to the raw topic's partition before a time has been through enrich and publish: asked
 * before an embargoed version is released. The release timer runs on the wall clock, whatever is still waiting; a
 * kill or a moved embargo the desk sent before the embargo time, queued behind a backlog in enrich (a bulk import)
 * or in publish (a restart), must be applied first, not after the story went out. Raw, enriched and publish's tasks
 * share partition numbers: every topic has the same count and is keyed by the article id.
 */
@FunctionalInterface
public interface UpstreamProgress {

    /** Nothing is ever pending: for topology tests that pipe records straight into publish. */
    UpstreamProgress NOTHING_PENDING = (partition, time) -> true;

    /**
     * Called on the stream thread, so it must not wait on Kafka: it may answer false now and true at a later call.
     *
     * @return true when every record written to the raw topic's {@code partition} before {@code time} has been
     *     processed by publish; false when some may still be on their way, or it is not known yet
     */
    boolean caughtUp(int partition, Instant time);
}
