package lmo.actor.cluster.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive fields written by {@link WireWriter} (same layout), checking every length against the bytes
 * that remain before it reads or allocates, so truncated or garbage input fails with an
 * {@link IllegalArgumentException} that names the message and the field, never with a buffer exception, an
 * {@link OutOfMemoryError} from a garbage length, or a hang.
 */
final class WireReader {
    private final ByteBuffer buf;
    private String message;
    private String contextKind;
    private long contextNumber;

    /** @param message what is being decoded, for error messages ("ShardReport") */
    WireReader(byte[] bytes, String message) {
        if (bytes == null) throw new IllegalArgumentException("lmo wire: no bytes (null) for " + message);
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        this.message = message;
    }

    /** Once the tag has said which message this is, later errors name it. */
    void rename(String message) { this.message = message; }

    /**
     * Names the element being read ("block 7"), for error messages: fields read from now on are reported as
     * "{@code field} of {@code kind number}". Cheap: nothing is formatted unless an error is raised.
     */
    void at(String kind, long number) {
        contextKind = kind;
        contextNumber = number;
    }

    /** Fields read from now on belong to no element. */
    void atTop() { contextKind = null; }

    private String label(String field) {
        return contextKind == null ? field : field + " of " + contextKind + " " + contextNumber;
    }

    IllegalArgumentException bad(String detail) {
        return new IllegalArgumentException("lmo wire: bad " + message + " at byte " + buf.position() + ": "
                + (contextKind == null ? "" : contextKind + " " + contextNumber + ": ") + detail);
    }

    private void need(long n, String field) {
        if (buf.remaining() < n) {
            throw new IllegalArgumentException("lmo wire: truncated " + message + ": " + label(field) + " needs " + n
                    + " bytes at byte " + buf.position() + ", only " + buf.remaining() + " remain");
        }
    }

    int i8(String field) {
        need(1, field);
        return buf.get() & 0xff;
    }

    int i32(String field) {
        need(4, field);
        return buf.getInt();
    }

    long i64(String field) {
        need(8, field);
        return buf.getLong();
    }

    double f64(String field) {
        need(8, field);
        return Double.longBitsToDouble(buf.getLong());
    }

    /** A count of elements that each take at least {@code minBytes}; checked against what remains. */
    int count(String field, int minBytes) {
        int n = i32(field);
        if (n < 0) throw bad(field + " is negative (" + n + ")");
        need((long) n * minBytes, field + " (" + n + " elements)");
        return n;
    }

    /** A count that may be -1 (null); otherwise as {@link #count}. */
    int countOrNull(String field, int minBytes) {
        int n = i32(field);
        if (n == -1) return -1;
        if (n < 0) throw bad(field + " length is " + n + " (only -1 means null)");
        need((long) n * minBytes, field + " (" + n + " elements)");
        return n;
    }

    double[] doubles(String field) {
        int n = countOrNull(field, 8);
        if (n < 0) return null;
        double[] a = new double[n];
        buf.asDoubleBuffer().get(a);
        buf.position(buf.position() + 8 * n);
        return a;
    }

    double[] doublesNonNull(String field) {
        double[] a = doubles(field);
        if (a == null) throw bad(field + " is null");
        return a;
    }

    String string(String field) {
        int n = countOrNull(field, 1);
        if (n < 0) return null;
        ByteBuffer slice = buf.slice().limit(n);
        buf.position(buf.position() + n);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw bad(field + " is not valid UTF-8 (" + e + ")");
        }
    }

    void end() {
        contextKind = null;
        if (buf.hasRemaining()) throw bad(buf.remaining() + " trailing bytes after the end of the message");
    }
}
