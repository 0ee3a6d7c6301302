package dev.newsflow.cli;

import dev.newsflow.runtime.Settings;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What a command that failed prints: one line per distinct cause, what failed and why, plus the environment variable
 * to set when the cause is a newsflow setting, instead of a stack trace an operator has to read from the bottom. The
 * stack trace still goes to the log, at DEBUG ({@code NEWSFLOW_LOG_LEVEL=DEBUG}).
 */
final class FailureReport implements CommandLine.IExecutionExceptionHandler {

    /** The setting a Kafka-style ConfigException names: 'Missing required configuration "api.keys" ...'. */
    private static final Pattern SETTING = Pattern.compile("configuration \"?([a-z][a-z0-9.\\-]*)\"?");

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println("newsflow " + commandLine.getCommandName() + " failed: " + describe(e));
        err.println("(the stack trace is logged at DEBUG: NEWSFLOW_LOG_LEVEL=DEBUG)");
        err.flush();
        LoggerFactory.getLogger(FailureReport.class).debug("Command failed command={}", commandLine.getCommandName(), e);
        return commandLine.getCommandSpec().exitCodeOnExecutionException();
    }

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    /**
     * Kafka quotes the piece of a JAAS config it could not parse, and in a malformed one that piece can be the password
     * ("Value not specified for key 'S3cr3t' in JAAS config"): what is quoted in such a message is not printed.
     */
    static String withoutJaasValues(String message) {
        return message.contains("JAAS") || message.contains("jaas") ? QUOTED.matcher(message).replaceAll("'***'") : message;
    }

    /** The messages of the exception and its causes, each once, with a hint for a named setting. */
    static String describe(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        String hint = null;
        for (Throwable t = e; t != null && messages.size() < 5; t = t.getCause() == t ? null : t.getCause()) {
            String message = withoutJaasValues(t.getMessage() == null ? t.getClass().getSimpleName()
                    // a file-system exception's message is only the path: "NoSuchFileException: /x.html" says why
                    : t instanceof java.nio.file.FileSystemException ? t.getClass().getSimpleName() + ": " + t.getMessage()
                    : t.getMessage());
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
            if (hint == null && t instanceof org.apache.kafka.common.config.ConfigException) {
                Matcher m = SETTING.matcher(message);
                if (m.find()) {
                    // a newsflow setting, else a Kafka client's (KAFKA_SECURITY_PROTOCOL, kafka.security.protocol)
                    String key = m.group(1);
                    String fileKey = UnknownSettings.isKnown(key) ? key : "kafka." + key;
                    String env = Settings.envNameOf(fileKey);
                    // secrets come from the environment only (a file naming one is refused)
                    hint = Settings.isCredential(fileKey) ? "set " + env
                            : "set " + env + " (or " + fileKey + " in the file --config names)";
                }
            }
        }
        if (hint == null && messages.stream().anyMatch(m -> m.contains("Port already in use") || m.contains("Address already in use"))) {
            hint = "choose other ports: --port for the demo (it takes that port and the next two; 0 = free ones), "
                    + "NEWSFLOW_HTTP_PORT for a stage";
        }
        return String.join(": ", messages) + (hint == null ? "" : "; " + hint);
    }
}
