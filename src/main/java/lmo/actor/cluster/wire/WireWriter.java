package lmo.actor.cluster.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the primitive fields of the wire format into a byte array of exactly known size, little-endian.
 *
 * <pre>
 *   i8 / i32 / i64 / f64     1 / 4 / 8 / 8 bytes, little-endian; f64 as its raw IEEE-754 bits
 *   doubles?                 i32 n (-1 = null), then n x f64
 *   string?                  i32 n (-1 = null), then n bytes of UTF-8
 * </pre>
 *
 * <p>Callers first add up the size with the static {@code size*} helpers, then write; {@link #done()} checks that the
 * two agree, so a size helper that disagrees with its writer fails loudly instead of leaving zeros on the wire.
 */
final class WireWriter {
    /** Arrays shorter than this are written element by element; longer ones through a bulk view copy. */
    private static final int BULK_MIN = 16;

    private final byte[] bytes;
    private final ByteBuffer buf;

    WireWriter(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("lmo wire: message of " + size + " bytes exceeds the 2 GiB limit of one array");
        }
        this.bytes = new byte[(int) size];
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    static long sizeDoubles(double[] a) { return 4L + (a == null ? 0 : 8L * a.length); }

    static long sizeString(String s) { return 4L + (s == null ? 0 : utf8Length(s)); }

    void i8(int v) { buf.put((byte) v); }

    void i32(int v) { buf.putInt(v); }

    void i64(long v) { buf.putLong(v); }

    void f64(double v) { buf.putLong(Double.doubleToRawLongBits(v)); }

    void doubles(double[] a) {
        if (a == null) {
            buf.putInt(-1);
            return;
        }
        buf.putInt(a.length);
        if (a.length < BULK_MIN) {
            for (double v : a) buf.putLong(Double.doubleToRawLongBits(v));
        } else {
            buf.asDoubleBuffer().put(a);
            buf.position(buf.position() + 8 * a.length);
        }
    }

    void string(String s) {
        if (s == null) {
            buf.putInt(-1);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        buf.putInt(utf8.length);
        buf.put(utf8);
    }

    byte[] done() {
        if (buf.hasRemaining()) {
            throw new IllegalStateException("lmo wire: sized " + bytes.length + " bytes but wrote " + buf.position());
        }
        return bytes;
    }

    /**
     * The UTF-8 length of {@code s}; rejects an unpaired surrogate, which UTF-8 cannot carry (Java would silently
     * replace it with '?', and the string would not come back as it was sent).
     */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("lmo wire: string has an unpaired surrogate at index " + i
                        + ", which UTF-8 cannot carry");
            } else {
                n += 3;
            }
        }
        return n;
    }
}
