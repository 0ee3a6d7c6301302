package dev.newsflow.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for input from other systems: bytes that are not UTF-8 are refused, not replaced by U+FFFD as
 * {@code new String(bytes, UTF_8)} does, so a Latin-1 export is answered with an error instead of stored garbled.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or null when the bytes are not UTF-8. */
    public static String strict(byte[] bytes, int from, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** As {@link #strict(byte[], int, int)}, after a UTF-8 byte-order mark some editors and exports put first. */
    public static String strictWithoutByteOrderMark(byte[] bytes, int length) {
        int from = startsWithByteOrderMark(bytes, length) ? 3 : 0;
        return strict(bytes, from, length - from);
    }

    static boolean startsWithByteOrderMark(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}
