package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void shouldRefuseWhatGoesOverTheBudgetAndTakeItAgainOnceReleased() {
        BodyBudget budget = new BodyBudget(10 * 1024);

        Optional<BodyBudget.Reservation> first = budget.tryReserve(6 * 1024);
        Optional<BodyBudget.Reservation> second = budget.tryReserve(5 * 1024);
        Optional<BodyBudget.Reservation> small = budget.tryReserve(100); // rounds up to one KiB

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(small).isPresent();
        first.get().close();
        first.get().close(); // twice releases once
        assertThat(budget.tryReserve(9 * 1024)).isPresent();
        assertThat(budget.tryReserve(1024)).isEmpty();
    }
}
