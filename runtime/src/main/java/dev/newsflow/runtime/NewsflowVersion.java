package dev.newsflow.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of newsflow running, written into a resource by the build. A jar manifest's Implementation-Version
 * would be lost where classes are not in a jar (Jib's image) and is only in the app jar's manifest.
 */
public final class NewsflowVersion {

    private static final String VERSION = read();

    private NewsflowVersion() {
    }

    /** The project version, "dev" when classes run without the build's resources (an IDE's compile). */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = NewsflowVersion.class.getResourceAsStream("newsflow-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "").strip();
            return v.isEmpty() || v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
