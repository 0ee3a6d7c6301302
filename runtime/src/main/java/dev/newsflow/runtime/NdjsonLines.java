package dev.newsflow.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * NDJSON input, one line at a time, with a bound on a line's length: a reader of files and pipes someone else
 * wrote must not hold a 2 GB "line" in memory. Lines split at {@code \n} (a {@code \r} before it is dropped) and
 * each is decoded on its own as strict UTF-8, so one bad byte (a Latin-1 export, a truncated copy) costs that line,
 * not the rest; a UTF-8 byte-order mark before the first line is skipped. A {@code BufferedReader} does neither:
 * it reads any line whole and replaces bad bytes silently.
 */
public final class NdjsonLines implements AutoCloseable {

    /**
     * One line. {@code text} is null when the line was too long (only its first {@code maxBytes} were kept, then
     * skipped to its end) or not valid UTF-8.
     */
    public record Line(int number, String text, boolean tooLong) {
        public boolean validUtf8() {
            return text != null || tooLong;
        }

        public boolean blank() {
            return text != null && text.isBlank();
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private int number;
    private byte[] line = new byte[1024];

    /** @param maxBytes the longest line kept, in bytes (UTF-8: up to 4 per character) */
    public NdjsonLines(InputStream in, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** @return the next line, or null at the end of the input */
    public Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int end = pos;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            int chunk = end - pos;
            if (!tooLong) {
                if (length + chunk > maxBytes) {
                    tooLong = true;
                } else {
                    if (length + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(line.length * 2, length + chunk)));
                    }
                    System.arraycopy(buffer, pos, line, length, chunk);
                    length += chunk;
                }
            }
            if (end < limit) {
                pos = end + 1; // past the \n
                break;
            }
            pos = limit;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, true);
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new Line(number, number == 1 ? Utf8.strictWithoutByteOrderMark(line, length)
                : Utf8.strict(line, 0, length), false);
    }

    /** Whether a line can be read without waiting (an interactive caller is answered before it writes more). */
    public boolean ready() throws IOException {
        return pos < limit || in.available() > 0;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        pos = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
