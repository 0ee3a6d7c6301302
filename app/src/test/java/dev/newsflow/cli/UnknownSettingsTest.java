package dev.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class UnknownSettingsTest {

    @Test
    void shouldNameAMisspeltSettingWithTheOneThatExists() {
        assertThat(UnknownSettings.warnings(Set.of("rate.limit", "teaser.limt", "http.port", "log.level")))
                .containsExactly(
                        "unknown setting NEWSFLOW_RATE_LIMIT (rate.limit) is ignored; did you mean "
                                + "NEWSFLOW_RATE_LIMIT_REQUESTS_PER_SECOND (rate.limit.requests.per.second)?",
                        "unknown setting NEWSFLOW_TEASER_LIMT (teaser.limt) is ignored; did you mean "
                                + "NEWSFLOW_TEASER_LIMIT (teaser.limit)?");
    }
}
