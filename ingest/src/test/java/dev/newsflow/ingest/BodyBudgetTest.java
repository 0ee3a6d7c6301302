package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void shouldRefuseWhatGoesOverTheBudgetAndTakeItAgainOnceReleased() {
        BodyBudget budget = new BodyBudget(10 * 1024);

        Optional<BodyBudget.Reservation> first = budget.tryReserve("cms", 5 * 1024);
        Optional<BodyBudget.Reservation> second = budget.tryReserve("wire", 5 * 1024);
        Optional<BodyBudget.Reservation> third = budget.tryReserve("agency", 100); // rounds up to one KiB

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(third).isEmpty();
        first.get().close();
        first.get().close(); // twice releases once
        assertThat(budget.tryReserve("agency", 5 * 1024)).isPresent();
        assertThat(budget.tryReserve("cms", 1024)).isEmpty();
    }

    @Test
    void shouldLeaveHalfTheBudgetToTheOtherKeys() {
        BodyBudget budget = new BodyBudget(64 * 1024);

        // a CMS sending large batches slowly holds at most half of it
        Optional<BodyBudget.Reservation> first = budget.tryReserve("cms", 16 * 1024);
        Optional<BodyBudget.Reservation> second = budget.tryReserve("cms", 16 * 1024);
        Optional<BodyBudget.Reservation> third = budget.tryReserve("cms", 1);

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(third).isEmpty();
        assertThat(budget.tryReserve("wire", 32 * 1024)).isPresent(); // the others still have theirs
        second.get().close();
        assertThat(budget.tryReserve("cms", 16 * 1024)).isPresent(); // its share given back
        assertThat(budget.tryReserve("agency", 1)).isEmpty(); // and now the whole budget is held
    }

    @Test
    void shouldReadOnlySoManyBodiesAtOnceWhateverTheirSize() {
        BodyBudget budget = new BodyBudget(1024L * 1024 * 1024);
        List<BodyBudget.Reservation> held = new ArrayList<>();
        for (int i = 0; i < BodyBudget.MAX_BODIES; i++) {
            held.add(budget.tryReserve("key-" + (i % 3), 500).orElseThrow());
        }

        // a few hundred small bodies sent slowly must leave threads for kills, lookups and probes
        assertThat(budget.tryReserve("another", 500)).isEmpty();
        held.forEach(BodyBudget.Reservation::close);
        // and one key reads at most half as many at once: the others still have theirs
        for (int i = 0; i < BodyBudget.MAX_BODIES_PER_KEY; i++) {
            held.set(i, budget.tryReserve("dripping", 500).orElseThrow());
        }
        assertThat(budget.tryReserve("dripping", 500)).isEmpty();
        assertThat(budget.tryReserve("cms", 500)).isPresent();
        held.get(0).close();
        held.set(0, budget.tryReserve("dripping", 500).orElseThrow());
    }
}
