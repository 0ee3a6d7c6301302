package dev.newsflow.runtime;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Admin clients for checks asked often (readiness, lag): every call gives up after a short timeout. */
public final class Admins {

    private Admins() {
    }

    public static Admin withTimeout(Properties kafka, String clientId, Duration timeout) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        return Admin.create(props);
    }
}
