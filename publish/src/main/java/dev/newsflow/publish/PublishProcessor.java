package dev.newsflow.publish;

import dev.newsflow.runtime.DeadLetterReason;
import dev.newsflow.runtime.DeadLetters;
import dev.newsflow.schemas.Serdes;
import dev.newsflow.schemas.Topics;
import dev.newsflow.schemas.avro.DeadLetter;
import dev.newsflow.schemas.avro.EnrichedArticle;
import dev.newsflow.schemas.avro.Post;
import dev.newsflow.schemas.avro.PostChange;
import dev.newsflow.schemas.avro.PostEventType;
import dev.newsflow.schemas.avro.PubStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what each article version means for the post topics, keeping per article the last post event:
 * <ul>
 *   <li>a version not newer than the last one published is a duplicate or arrived late: skipped, counted; unless it
 *       is the live version enriched again into a different post (a replay with a better classifier): then the
 *       post is updated;</li>
 *   <li>a kill (CANCELED) or a withhold (WITHHELD) unpublishes: a delete event and a tombstone; the first one at
 *       any version (a legal kill must work even if the CMS sends it with an old version number), later ones only
 *       if newer than every unpublish already applied, so a kill delivered again (a CMS retry, a re-import) never
 *       takes down a version republished after it;</li>
 *   <li>an embargoed version is held until its embargo passes (wall-clock punctuation), then published;</li>
 *   <li>an update that drops a category sends that category topic a delete event.</li>
 * </ul>
 */
final class PublishProcessor implements Processor<byte[], EnrichedArticle, byte[], PublishDecision> {

    static final String POSTS_STORE = "published-posts";
    static final String EMBARGO_STORE = "embargoed-articles";
    /** The held versions by release time (see {@link EmbargoSchedule}). */
    static final String EMBARGO_TIMES_STORE = "embargo-release-times";
    /** Per article, the highest version of a kill or withhold already applied. */
    static final String UNPUBLISHED_STORE = "unpublished-versions";
    /**
     * Per article, when ingest received the live version (epoch ms): a kill sent without a version is stale when it was
     * received before that, a comparison of ingest's clock with itself (publish's clock may run behind by any lag).
     */
    static final String LIVE_RECEIVED_STORE = "live-received-at";
    /**
     * Per article, the digest of what the sender wrote for the live post (EnrichedArticle.sourceDigest): the same
     * version with other words is a correction (UPDATED), with the same words a re-enrichment (REENRICHED).
     */
    static final String SOURCE_DIGEST_STORE = "source-digests";
    static final DeadLetterReason EMBARGO_RELEASE_FAILED = DeadLetterReason.EMBARGO_RELEASE_FAILED;
    /**
     * Per article, the section topics its live post went to (comma-separated): an update tells exactly those it left,
     * whatever the routing threshold is now (it may have been raised since). After a withhold, those its DELETE went
     * to, so a kill after it tells them too.
     */
    static final String ROUTED_STORE = "routed-sections";
    private static final Logger log = LoggerFactory.getLogger(PublishProcessor.class);

    private final PostBuilder posts;
    private final CategoryRouting routing;
    private final Duration embargoCheckInterval;
    private final MeterRegistry registry;
    private final DeadLetters deadLetters;
    private final Timer endToEnd;
    private final Counter articlesIn;
    private final Counter reenriched;
    private final Counter embargoesLifted;
    private final dev.newsflow.runtime.LogThrottle coveredLog = new dev.newsflow.runtime.LogThrottle();
    static final List<String> SKIP_REASONS = List.of("duplicate-version", "stale-version", "stale-unpublish",
            "already-unpublished", "embargo-after-publication", "superseded-words");
    private ProcessorContext<byte[], PublishDecision> context;
    private KeyValueStore<String, Post> published;
    private EmbargoSchedule embargoed;
    private KeyValueStore<String, Long> unpublished;
    private KeyValueStore<String, Long> liveReceived;
    private KeyValueStore<String, String> sourceDigests;
    private KeyValueStore<String, String> routed;
    private final UpstreamProgress upstream;
    private final java.util.Map<Integer, Integer> waitingByPartition;
    /**
     * Held versions past their embargo that wait for upstream, and since when. A release waits a check interval or two
     * for Kafka's answer as a rule; one that waits longer than {@link #WAIT_WORTH_SAYING} is logged, and so is its
     * release.
     */
    private final java.util.Map<String, Instant> waitingSince = new java.util.HashMap<>();
    private final java.util.Set<String> waitSaid = new java.util.HashSet<>();
    static final Duration WAIT_WORTH_SAYING = Duration.ofSeconds(30);
    /**
     * The latest ingest receipt time among the records this task has processed: once it is past an embargo, every
     * record written before the embargo on this partition has been processed (the log keeps their order through
     * enrich and publish), so the release needs no question to Kafka.
     */
    private Instant receivedUpTo;

    PublishProcessor(PostBuilder posts, CategoryRouting routing, Duration embargoCheckInterval, MeterRegistry registry,
                     DeadLetters deadLetters, UpstreamProgress upstream, java.util.Map<Integer, Integer> waitingByPartition) {
        this.upstream = upstream;
        this.waitingByPartition = waitingByPartition;
        this.posts = posts;
        this.routing = routing;
        this.embargoCheckInterval = embargoCheckInterval;
        this.registry = registry;
        this.deadLetters = deadLetters;
        // a histogram, not client-side percentiles: buckets add up across instances (histogram_quantile in PromQL)
        this.endToEnd = Timer.builder("newsflow.publish.end.to.end")
                .description("From ingest acceptance to post, for new versions published at once (not embargo releases)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
        this.articlesIn = Counter.builder("newsflow.articles.in").tag("stage", "publish").register(registry);
        this.reenriched = Counter.builder("newsflow.publish.reenriched")
                .description("Live posts updated by a new enrichment of the same version").register(registry);
        this.embargoesLifted = Counter.builder("newsflow.publish.embargoes.lifted")
                .description("Held embargoed versions replaced by a version sent with an embargo time already passed, published at once")
                .register(registry);
        // every skip reason exists from the start, at 0, so alerts and dashboards see a series before the first skip
        for (String reason : SKIP_REASONS) {
            skipped(reason);
        }
        for (String event : List.of("upsert", "delete")) {
            postsOut("all", event);
            routing.everyTopic().forEach(topic -> postsOut(Topics.sectionOf(topic), event));
        }
        embargoedCounter();
    }

    @Override
    public void init(ProcessorContext<byte[], PublishDecision> context) {
        this.context = context;
        this.published = context.getStateStore(POSTS_STORE);
        this.embargoed = new EmbargoSchedule(context.getStateStore(EMBARGO_STORE), context.getStateStore(EMBARGO_TIMES_STORE));
        int indexed = embargoed.indexUnindexed();
        if (indexed > 0) {
            log.info("Indexed held embargoed articles by release time count={} task={}", indexed, context.taskId());
        }
        this.unpublished = context.getStateStore(UNPUBLISHED_STORE);
        this.liveReceived = context.getStateStore(LIVE_RECEIVED_STORE);
        this.sourceDigests = context.getStateStore(SOURCE_DIGEST_STORE);
        this.routed = context.getStateStore(ROUTED_STORE);
        // here, not at construction: a task revived after its transaction was aborted gets init() again, and what it
        // had read since the last commit is rolled back with its stores (a kill among it is read again)
        this.receivedUpTo = Instant.EPOCH;
        this.waitingSince.clear();
        this.waitSaid.clear();
        context.schedule(embargoCheckInterval, PunctuationType.WALL_CLOCK_TIME, this::releaseEmbargoed);
    }

    /** The task moved to another instance or the stage stops: its partition's waiting count goes with it. */
    @Override
    public void close() {
        if (context != null) {
            waitingByPartition.remove(context.taskId().partition());
        }
    }

    @Override
    public void process(Record<byte[], EnrichedArticle> record) {
        articlesIn.increment();
        EnrichedArticle article = record.value();
        if (article.getReceivedAt() != null && article.getReceivedAt().isAfter(receivedUpTo)) {
            receivedUpTo = article.getReceivedAt();
        }
        Post previous = published.get(article.getUri());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        if (article.getPubStatus() != PubStatus.USABLE) {
            unpublish(record, article, previous, now);
        } else {
            publishOrHold(record, article, previous, now);
        }
    }

    /** A kill or withhold: a DELETE to every topic the post went to, unless it is stale or already applied. */
    private void unpublish(Record<byte[], EnrichedArticle> record, EnrichedArticle article, Post previous, Instant now) {
        String id = article.getUri();
        Long lastUnpublish = unpublished.get(id);
        if (isStaleKill(article, lastUnpublish, previous, liveReceived.get(id))) {
            // delivered again: it must neither take down a later republished version nor drop a held one
            skip(id, article, "stale-unpublish");
            return;
        }
        // the version taken down, not only the one the kill named: a kill sent without a version (0), or with an old
        // one, takes down the live version, and a kill of that version delivered later must not take down the next
        long applied = Math.max(Math.max(article.getVersion(), lastUnpublish == null ? 0 : lastUnpublish),
                previous == null ? 0 : previous.getVersion());
        EnrichedArticle held = embargoed.get(id);
        boolean cancelsHeld = held != null && killCovers(article, held);
        if (cancelsHeld) {
            // the held version it cancels is down too: delivered again, it must not be held and released
            applied = Math.max(applied, held.getVersion());
        }
        boolean killAfterWithhold = killsWithheld(article, previous);
        if (previous != null && previous.getEvent() == PostEventType.DELETE && !killAfterWithhold) {
            unpublished.put(id, applied);
            if (cancelsHeld) {
                embargoed.cancel(id);
                storeHeld(id, null);
            }
            if (previous.getHeadline() != null) {
                published.put(id, posts.remembered(previous)); // killed before the state was slimmed
            }
            skip(id, article, "already-unpublished");
            return;
        }
        Post delete = posts.delete(id, article.getVersion(), previous, now,
                article.getPubStatus() == PubStatus.WITHHELD ? PostChange.WITHHELD : PostChange.KILLED);
        List<CategoryPost> categoryPosts = new ArrayList<>();
        // never seen (publish's state was reset, or the kill came first): a section site may still hold the
        // article, and nothing says which section, so every section topic gets the delete
        // (also when only a held embargoed version is known: after a reset of publish's state an older version may
        // still be on a section page, so 17 DELETEs of nothing are the price of never missing one)
        // killed after a withhold: sites were told "may come back"; now they are told "killed", on news.posts and on
        // the section topics the withhold went to (a section site that keeps withheld stories must drop it too)
        (killAfterWithhold ? withheldFrom(id) : previous != null ? routing.everyTopicOf(previous) : routing.everyTopic())
                .forEach(topic -> categoryPosts.add(new CategoryPost(topic, delete)));
        log.info("Unpublished articleId={} version={} requestedVersion={} status={}", id, delete.getVersion(),
                article.getVersion(), article.getPubStatus());
        // output first, state after: if forwarding throws, the record is dead-lettered with the state untouched,
        // so sending the kill again applies it (state written first would have it skipped as already applied).
        // The nodes after this one only map and serialise; a failure there is dead-lettered by Kafka Streams at
        // that node, after this state was written
        emit(record.key(), now, new PublishDecision(delete, categoryPosts, null));
        unpublished.put(id, applied);
        if (article.getPubStatus() == PubStatus.WITHHELD) {
            // when the withhold arrived: a kill received before it is an older one delivered again (isStaleKill)
            liveReceived.put(id, article.getReceivedAt().toEpochMilli());
        } else {
            liveReceived.delete(id);
        }
        if (article.getPubStatus() == PubStatus.WITHHELD) {
            // where the withhold was sent, so a kill after it reaches the same sections (a republication replaces it)
            routed.put(id, String.join(",", categoryPosts.stream().map(CategoryPost::topic).toList()));
        } else {
            routed.delete(id);
        }
        // the live words go with the post; a held version the kill does not cancel keeps its own
        storeLive(id, null);
        if (cancelsHeld) {
            embargoed.cancel(id); // a kill also cancels a pending embargoed release it predates nothing of
            storeHeld(id, null);
        }
        published.put(id, posts.remembered(delete));
    }

    /**
     * A usable version: re-enriched or corrected in place, skipped as a duplicate or stale, held for its embargo, or
     * published.
     */
    private void publishOrHold(Record<byte[], EnrichedArticle> record, EnrichedArticle article, Post previous,
                               Instant now) {
        String id = article.getUri();
        if (previous != null && article.getVersion() == previous.getVersion() && previous.getEvent() == PostEventType.UPSERT) {
            sameVersionAgain(record, article, previous, now);
            return;
        }
        Long takenDownTo = unpublished.get(id);
        if (takenDownTo != null && article.getVersion() <= takenDownTo) {
            // a kill or withhold covered this version (the version it took down, a newer kill of a post already down,
            // or a held version it cancelled): republishing takes a newer one. Rare, and words a newsroom sent vanish
            // with it: on the record
            skip(id, article, "stale-version");
            long skippedSince = coveredLog.admit("covered"); // a replay of a killed story: at most a line a second
            if (skippedSince > 0) {
                log.info("Skipped articleId={} version={} reason=stale-version: a kill or withhold covers this version;"
                        + " to republish send a newer version skippedSinceLastLog={}", id, article.getVersion(), skippedSince);
            }
            return;
        }
        if (previous != null && article.getVersion() <= previous.getVersion()) {
            skip(id, article, article.getVersion() == previous.getVersion() && previous.getEvent() == PostEventType.UPSERT
                    ? "duplicate-version" : "stale-version");
            return;
        }
        EnrichedArticle pending = embargoed.get(id);
        if (pending != null && article.getEmbargoedUntil() == null && pending.getEmbargoedUntil() != null
                && article.getVersion() >= pending.getVersion()) {
            // many CMSs send the embargo with the first push only: a fix sent while it holds keeps it (fails closed),
            // also once its time has passed and the held version waits for what was sent before it. An embargo is
            // ended early only by a time sent for it, now or in the past
            article = EnrichedArticle.newBuilder(article).setEmbargoedUntil(pending.getEmbargoedUntil()).build();
            log.info("Embargo kept articleId={} version={} heldVersion={} until={}: sent without an embargo while one"
                    + " holds; to end it early send embargoedUntil now", id, article.getVersion(), pending.getVersion(),
                    pending.getEmbargoedUntil());
        }
        if (pending != null && article.getVersion() == pending.getVersion()) {
            // the held version again (pushed twice, corrected, or enriched again by a replay): words corrected since
            // never come back (a late retry), also once the embargo has passed and the timer has not yet run
            SourceDigests digests = digestsOf(id);
            SeenTexts held = digests.heldOf(pending.getVersion());
            if (held == null && pending.getSourceDigest() != null) { // held before held words were kept
                held = SeenTexts.first(pending.getVersion(), pending.getSourceDigest());
            }
            String digest = article.getSourceDigest();
            if (held != null && digest != null && held.knows(digest) && !digest.equals(held.current())) {
                skipSupersededWords(id, article);
                return;
            }
            if (mustHold(article, now)) {
                // the newest copy is the one released, under its embargo; one from an older enrich, without a
                // digest, keeps the words seen so far
                embargoed.hold(article);
                storeHeld(id, digest == null ? held : held != null ? held.live(digest)
                        : SeenTexts.first(article.getVersion(), digest));
                return;
            }
        }
        if (pending != null && article.getVersion() < pending.getVersion()) {
            skip(id, article, "stale-version");
            return;
        }
        if (mustHold(article, now)) {
            embargoed.hold(article);
            String digest = article.getSourceDigest();
            storeHeld(id, digest == null ? null : SeenTexts.first(article.getVersion(), digest));
            embargoedCounter().increment();
            log.info("Holding embargoed articleId={} version={} until={}{}", id, article.getVersion(),
                    article.getEmbargoedUntil(), isEmbargoed(article, now) ? ""
                            : " (passed: released once what was sent before it has arrived)");
            return;
        }
        if (pending != null && isEmbargoed(pending, now)) {
            // an embargo ended early is a newsroom decision that may matter legally: on the record, with what it ended
            embargoesLifted.increment();
            log.info("Embargo lifted articleId={} heldVersion={} heldUntil={} publishedVersion={}: a version sent with an"
                    + " embargo time already passed replaces the held one and goes live now", id, pending.getVersion(),
                    pending.getEmbargoedUntil(), article.getVersion());
        }
        publish(record.key(), article, previous, now, true, null);
        embargoed.cancel(id);
    }

    /**
     * The live version again. The sender's words decide what it is: new words (a CMS that corrects without a new
     * version number) are an update readers must be told about; the live words enriched again (a replay through a
     * changed classifier or extractor) a re-enrichment, or a duplicate when the post comes out the same; words seen
     * before but since corrected (a replay, a late retry) are skipped, so a correction is never undone. Without
     * digests (state or records from before they existed) only the post decides, as before.
     */
    private void sameVersionAgain(Record<byte[], EnrichedArticle> record, EnrichedArticle article, Post previous,
                                  Instant now) {
        String id = article.getUri();
        if (isEmbargoed(article, now)) {
            // an embargo cannot take back what readers have seen: the newsroom must know it did nothing
            skipped("embargo-after-publication").increment();
            log.warn("Embargo on a live version ignored articleId={} version={} embargoedUntil={}: the post stays live"
                    + " and unchanged (words sent with it are not applied either); to take it down withhold it (pubStatus"
                    + " withheld); to correct it send a new version (with an embargo it is held until then)", id,
                    article.getVersion(), article.getEmbargoedUntil());
            return;
        }
        SourceDigests digests = digestsOf(id);
        SeenTexts texts = digests.liveOf(article.getVersion());
        String digest = article.getSourceDigest();
        if (texts != null && digest != null && texts.knows(digest) && !digest.equals(texts.current())) {
            skipSupersededWords(id, article);
            return;
        }
        boolean newWords = texts != null && digest != null && !texts.knows(digest);
        if (!isReEnrichment(article, previous, now)) {
            if (digest != null && (newWords || texts == null)) {
                // other bytes, the same post: now the live words. Also the first digest seen of a post published by
                // an older enrich, so words corrected after it cannot come back
                storeLive(id, texts != null ? texts.live(digest) : SeenTexts.first(article.getVersion(), digest));
            }
            skip(id, article, "duplicate-version");
            return;
        }
        if (newWords) {
            log.info("Same version with new text, published as an update articleId={} version={} provider={}: the"
                    + " sender should number a correction as a new version", id, article.getVersion(), article.getProvider());
            publish(record.key(), article, previous, now, false, PostChange.UPDATED);
        } else {
            reenriched.increment();
            log.debug("Re-enriched articleId={} version={}", id, article.getVersion()); // counted; a replay does many
            publish(record.key(), article, previous, now, false, null);
        }
    }

    /**
     * @param fresh  whether the version is new (it feeds the end-to-end latency; a re-enrichment replay would skew it)
     * @param change what the post event says happened, when publish knows better than the versions do; else null
     */
    private void publish(byte[] key, EnrichedArticle article, Post previous, Instant now, boolean fresh,
                         PostChange change) {
        Post post = posts.upsert(article, previous, now);
        if (change != null) {
            post.setChange(change);
            post.setUpdatedAt(PostBuilder.updatedAt(change, previous, now));
        }
        Set<String> topics = routing.topicsFor(post);
        // the post says where it went, so a consumer reloading news.posts.current can rebuild its section pages
        post.setSections(topics.stream().map(Topics::sectionOf).toList());
        List<CategoryPost> categoryPosts = new ArrayList<>();
        topics.forEach(topic -> categoryPosts.add(new CategoryPost(topic, post)));
        if (previous != null && previous.getEvent() == PostEventType.UPSERT) {
            // the sections the old post went to: a long-shot category it named but was never routed to must not get a
            // LEFT_SECTION with every update (a kill, rarer and a legal matter, goes to every section it named)
            Post dropped = posts.delete(article.getUri(), article.getVersion(), post, now, PostChange.LEFT_SECTION);
            sectionsOf(previous).stream().filter(t -> !topics.contains(t))
                    .forEach(topic -> categoryPosts.add(new CategoryPost(topic, dropped)));
        }
        if (fresh) {
            endToEnd.record(Duration.between(article.getReceivedAt(), now));
        }
        log.debug("Published articleId={} version={} topics={}", article.getUri(), article.getVersion(), topics);
        // output first, state after (see the kill path)
        emit(key, now, new PublishDecision(post, categoryPosts, post));
        published.put(article.getUri(), post);
        liveReceived.put(article.getUri(), article.getReceivedAt().toEpochMilli());
        routed.put(article.getUri(), String.join(",", topics));
        rememberWords(article);
    }

    /** The section topics a withhold's DELETE went to; none for state from before they were kept. */
    private Set<String> withheldFrom(String id) {
        String went = routed.get(id);
        return went == null ? Set.of() : topicsIn(went);
    }

    /** The section topics the live post went to; for state from before they were kept, the routing's answer now. */
    private Set<String> sectionsOf(Post live) {
        String went = routed.get(live.getId());
        return went == null ? routing.topicsFor(live) : topicsIn(went);
    }

    /** The topics a routed-sections entry names (comma-separated), in order. */
    private static Set<String> topicsIn(String went) {
        return went.isEmpty() ? Set.of() : new java.util.LinkedHashSet<>(List.of(went.split(",")));
    }

    /**
     * Whether the same version, enriched again, would change the live post (categories, teaser, tags, ...): a
     * version pushed twice enriches to the same post and stays a duplicate; a replay through a new classifier does not.
     */
    private boolean isReEnrichment(EnrichedArticle article, Post previous, Instant now) {
        if (isEmbargoed(article, now)) {
            return false;
        }
        Post candidate = posts.upsert(article, previous, now);
        // times say when, not what: ingest stamps a version sent without versionCreated with its receive time, so
        // the same version sent twice differs there and nowhere else
        candidate.setPublishedAt(previous.getPublishedAt());
        candidate.setVersionCreated(previous.getVersionCreated());
        candidate.setChange(previous.getChange()); // says how the post came to be, not what it holds
        candidate.setUpdatedAt(previous.getUpdatedAt());
        candidate.setSections(previous.getSections()); // routed only when published; new categories differ anyway
        return !candidate.equals(previous);
    }

    /**
     * Held for its embargo: one still to come, or one that has passed while the version waited behind a backlog, as
     * long as what was sent before the embargo (a kill among it) has not all arrived; the release timer lets it go.
     * A version whose embargo ended before ingest received it (an early lift) is not held.
     */
    private boolean mustHold(EnrichedArticle article, Instant now) {
        Instant until = article.getEmbargoedUntil();
        return until != null && (until.isAfter(now) || !arrivedBefore(until));
    }

    /**
     * Whether everything sent before {@code until} on this task's partition has been processed: known at once when an
     * article received since has been, else asked of {@link UpstreamProgress} (which does not wait).
     */
    private boolean arrivedBefore(Instant until) {
        return !until.isAfter(receivedUpTo) || upstream.caughtUp(context.taskId().partition(), until);
    }

    private static boolean isEmbargoed(EnrichedArticle article, Instant now) {
        return article.getEmbargoedUntil() != null && article.getEmbargoedUntil().isAfter(now);
    }

    /**
     * A kill delivered again after a newer version went out: with a version, one not newer than the last kill
     * applied; without one (DELETE with no ?version=, version 0), one ingest received before the live version.
     */
    private static boolean isStaleKill(EnrichedArticle kill, Long lastUnpublish, Post previous, Long liveReceivedAt) {
        if (killsWithheld(kill, previous)) {
            // a kill sent after the withhold turns "may come back" into "killed", at any version, as a first kill
            // applies at any version; one ingest received before it (an older kill delivered again) is stale.
            // live-received-at holds the withhold's arrival; without it (older state), the kill applies
            return liveReceivedAt != null && kill.getReceivedAt().toEpochMilli() < liveReceivedAt;
        }
        if (kill.getVersion() > 0) {
            return lastUnpublish != null && kill.getVersion() <= lastUnpublish;
        }
        if (previous == null || previous.getEvent() != PostEventType.UPSERT) {
            return false;
        }
        // state written before live-received-at existed: publish's own clock is all there is
        Instant live = liveReceivedAt != null ? Instant.ofEpochMilli(liveReceivedAt) : previous.getPublishedAt();
        return kill.getReceivedAt().isBefore(live);
    }

    /** A kill of a post that is withheld: "may come back" becomes "killed". */
    private static boolean killsWithheld(EnrichedArticle kill, Post previous) {
        return kill.getPubStatus() == PubStatus.CANCELED && previous != null && previous.getChange() == PostChange.WITHHELD;
    }

    /**
     * The published version's words become the live ones: the seen ones kept while the version stays the same, and
     * those seen while it was held when it is released. A held version goes with its publication or is replaced.
     */
    private void rememberWords(EnrichedArticle article) {
        String id = article.getUri();
        String digest = article.getSourceDigest();
        SourceDigests digests = digestsOf(id);
        if (digests.held() != null) {
            storeHeld(id, null); // released or replaced
        }
        if (digest == null) {
            storeLive(id, null); // written by an older enrich: nothing to compare the next one with
            return;
        }
        SeenTexts seen = digests.heldOf(article.getVersion());
        if (seen == null) {
            seen = digests.liveOf(article.getVersion());
        }
        storeLive(id, seen != null ? seen.live(digest) : SeenTexts.first(article.getVersion(), digest));
    }

    private SourceDigests digestsOf(String id) {
        return new SourceDigests(SeenTexts.parse(sourceDigests.get(id)),
                SeenTexts.parse(sourceDigests.get(SourceDigests.heldKey(id))));
    }

    private void storeLive(String id, SeenTexts texts) {
        store(id, texts);
    }

    private void storeHeld(String id, SeenTexts texts) {
        store(SourceDigests.heldKey(id), texts);
    }

    private void store(String key, SeenTexts texts) {
        if (texts == null) {
            sourceDigests.delete(key);
        } else {
            sourceDigests.put(key, texts.format());
        }
    }

    /**
     * Words since corrected under the same version: they must not come back. A replay or a late retry, or an editor
     * who meant to revert: the newsroom must be able to see it, so it has a reason of its own and a line (throttled).
     */
    private void skipSupersededWords(String id, EnrichedArticle article) {
        skip(id, article, "superseded-words");
        long skippedSince = coveredLog.admit("superseded");
        if (skippedSince > 0) {
            log.info("Skipped articleId={} version={} reason=superseded-words: these words were corrected under"
                    + " the same version and a correction is never undone; to restore them send them as a newer"
                    + " version skippedSinceLastLog={}", id, article.getVersion(), skippedSince);
        }
    }

    /**
     * Whether a kill that applies also cancels a held embargoed version: it is for that version or a later one, or
     * was sent after it (a legal kill sent with the live version's number must not let the held one out later).
     */
    private static boolean killCovers(EnrichedArticle kill, EnrichedArticle held) {
        return kill.getVersion() >= held.getVersion() || !kill.getReceivedAt().isBefore(held.getReceivedAt());
    }

    /** Publishes every held version whose embargo has passed. */
    private void releaseEmbargoed(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        List<KeyValue<String, EnrichedArticle>> due = embargoed.dueBy(now);
        int partition = context.taskId().partition();
        java.util.Set<String> stillWaiting = new java.util.HashSet<>();
        for (KeyValue<String, EnrichedArticle> kv : due) {
            Instant until = kv.value.getEmbargoedUntil();
            // asked for each (it does not wait: the latest asked is checked first, and one answer can clear them all);
            // oldest first: once what was sent before one embargo is still on its way, so is what was sent before later ones
            boolean clear = arrivedBefore(until);
            if (!stillWaiting.isEmpty() || !clear) {
                stillWaiting.add(kv.key);
                Instant since = waitingSince.computeIfAbsent(kv.key, id -> now);
                if (Duration.between(since, now).compareTo(WAIT_WORTH_SAYING) >= 0 && waitSaid.add(kv.key)) {
                    log.warn("Embargo release waits articleId={} version={} embargoedUntil={} partition={}: what was sent"
                            + " before the embargo is still on its way through enrich or publish (a backlog, a restart),"
                            + " and a kill or a moved embargo among it must be applied first; released once it has"
                            + " arrived", kv.key, kv.value.getVersion(), until, partition);
                }
                continue;
            }
            waitingSince.remove(kv.key);
            if (waitSaid.remove(kv.key)) {
                log.info("Embargo release no longer waits articleId={} version={} embargoedUntil={} secondsLate={}",
                        kv.key, kv.value.getVersion(), until, Duration.between(until, now).toSeconds());
            }
            byte[] key = kv.key.getBytes(StandardCharsets.UTF_8);
            // "passed", not "lifted": that word is for an embargo ended early (newsflow_publish_embargoes_lifted_total)
            log.info("Embargo passed, publishing articleId={} version={} embargoedUntil={}", kv.key,
                    kv.value.getVersion(), kv.value.getEmbargoedUntil());
            try {
                // not fresh: the time it was held is not pipeline latency
                publish(key, kv.value, published.get(kv.key), now, false, null);
            } catch (RuntimeException e) {
                // one article that cannot be published must not fail every release after it, on every restart:
                // it goes to the dead-letter topic with its reason, and the rest are released
                DeadLetter letter = deadLetters.create(key, Serdes.ENRICHED_ARTICLE.encode(kv.value),
                        EMBARGO_RELEASE_FAILED, e, Optional.of(DeadLetters.origin(EMBARGO_STORE,
                                context.taskId().partition(), -1)), now);
                context.forward(new Record<>(key, PublishDecision.deadLetter(letter), wallClockMs));
            }
            embargoed.cancel(kv.key); // only once published or dead-lettered
        }
        waitingSince.keySet().retainAll(stillWaiting); // cancelled by a kill, or replaced, while waiting
        waitSaid.retainAll(stillWaiting);
        waitingByPartition.put(partition, stillWaiting.size());
    }

    /**
     * Post events carry the time they were published ({@code publishedAt}) as their record timestamp, not the input's
     * (ingest's send time): retention, compaction lag and {@code offsetsForTimes} on the post topics work on it, and
     * a replay's events written today must not look months old and be deleted at once.
     */
    private void emit(byte[] key, Instant now, PublishDecision decision) {
        for (CategoryPost cp : decision.categoryPosts()) {
            postsOut(Topics.sectionOf(cp.topic()), eventName(cp.post())).increment();
        }
        postsOut("all", eventName(decision.event())).increment();
        context.forward(new Record<>(key, decision, now.toEpochMilli()));
    }

    /** {@code category="all"} counts news.posts, the others their section topic: sum one or the other, not both. */
    private Counter postsOut(String category, String event) {
        return Counter.builder("newsflow.posts.out").description("Post events written, by category topic (all = news.posts)")
                .tag("category", category).tag("event", event).register(registry);
    }

    private Counter embargoedCounter() {
        return Counter.builder("newsflow.publish.embargoed").description("Article versions held for an embargo")
                .register(registry);
    }

    private static String eventName(Post post) {
        return post.getEvent().name().toLowerCase(java.util.Locale.ROOT);
    }

    private Counter skipped(String reason) {
        return Counter.builder("newsflow.publish.skipped").description("Article versions not published, by reason")
                .tag("reason", reason).register(registry);
    }

    private void skip(String id, EnrichedArticle article, String reason) {
        skipped(reason).increment();
        // counted by reason; a replay skips thousands, so one line each only at DEBUG
        if (article.getPubStatus() != PubStatus.USABLE) {
            // a kill or withhold that did nothing is rare, and may be a legal matter: it is on the record at 3 a.m.,
            // and one that found a newer version live (stale) is a warning: someone may have meant it
            String what = article.getPubStatus() == PubStatus.WITHHELD ? "withhold" : "kill";
            Post live = published.get(id);
            if (reason.equals("stale-unpublish") && live != null && live.getEvent() == PostEventType.UPSERT) {
                log.warn("Skipped {} articleId={} version={} reason={}: not newer than the last one applied; to take"
                        + " down the live version send a kill with its version or without one", what, id,
                        article.getVersion(), reason);
            } else {
                // nothing is live: a kill or withhold delivered again
                log.info("Skipped {} articleId={} version={} reason={}: already down", what, id, article.getVersion(), reason);
            }
        } else {
            log.debug("Skipped articleId={} version={} reason={}", id, article.getVersion(), reason);
        }
    }
}
