package dev.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DeadLetterReasonTest {

    @Test
    void shouldGiveEachStageTheCommonReasonsAndOnlyItsOwn() {
        assertThat(DeadLetterReason.of("enrich")).doesNotContain(DeadLetterReason.EMBARGO_RELEASE_FAILED)
                .contains(DeadLetterReason.PROCESSING_FAILED, DeadLetterReason.UNHANDLED_EXCEPTION);
        assertThat(DeadLetterReason.of("publish")).contains(DeadLetterReason.EMBARGO_RELEASE_FAILED);
        assertThat(DeadLetterReason.codes()).doesNotHaveDuplicates();
        assertThat(DeadLetterReason.ofCode("record-too-large")).contains(DeadLetterReason.RECORD_TOO_LARGE);
        assertThat(DeadLetterReason.ofCode("no-such-reason")).isEmpty();
    }

    @Test
    void shouldHaveEveryReasonInTheRunbookWithWhatToDo() throws Exception {
        // the operator at 3 a.m. looks the code up there: a reason added here must be written up there too
        String runbook = Files.readString(Path.of("..", "docs", "operations.md"));

        for (String code : DeadLetterReason.codes()) {
            assertThat(runbook).as(code).contains("`" + code + "`");
        }
    }
}
