package dev.newsflow.enrich.classify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvaluationReportTest {

    @Test
    void shouldComputeAccuracyMacroF1AndConfusion() {
        EvaluationReport report = new EvaluationReport();
        report.add("sport", "sport");
        report.add("sport", "sport");
        report.add("sport", "politics");
        report.add("politics", "politics");

        assertThat(report.accuracy()).isEqualTo(0.75);
        // sport: P=1 R=2/3 F1=0.8; politics: P=1/2 R=1 F1=2/3
        assertThat(report.macroF1()).isCloseTo((0.8 + 2.0 / 3) / 2, within(1e-9));
        assertThat(report.count("sport", "politics")).isEqualTo(1);
        assertThat(report.format("t")).contains("accuracy=0.7500").contains("gold\\pred");
    }
}
