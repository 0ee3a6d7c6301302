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
        java.util.List<String> rows = Files.readAllLines(Path.of("..", "docs", "operations.md"));

        for (String code : DeadLetterReason.codes()) {
            // a row of the dead-letter table: | `code` | stage | what it means | what to do |, every cell filled
            String row = rows.stream().filter(line -> line.startsWith("| `" + code + "` |")).findFirst().orElse("");
            assertThat(row).as(code + " has a row in the runbook's dead-letter table").isNotEmpty();
            String[] cells = row.split("\\|");
            assertThat(cells).as(code + ": stage, cause and what to do").hasSizeGreaterThanOrEqualTo(5);
            assertThat(cells[4].strip()).as(code + ": what to do").hasSizeGreaterThan(10);
        }
    }
}
