package dev.newsflow.runtime;

import java.util.Map;

/**
 * The answer of a liveness or readiness check.
 *
 * @param up      whether the check passes
 * @param details what an operator needs to see why (state, last error, ...)
 */
public record HealthStatus(boolean up, Map<String, Object> details) {
    public HealthStatus {
        details = Map.copyOf(details);
    }

    public static HealthStatus up(Map<String, Object> details) {
        return new HealthStatus(true, details);
    }

    public static HealthStatus down(Map<String, Object> details) {
        return new HealthStatus(false, details);
    }
}
