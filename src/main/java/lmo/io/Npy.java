package lmo.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files (format version 1.0) of little-endian float64, as {@code numpy.save} writes them and
 * {@code numpy.load} reads them: 1-D arrays are read as one column, 2-D arrays row-major (C order).
 * Reading accepts format versions 1 to 3 and also {@code <f4} (float32), {@code <i4} (int32) and {@code <i8} (int64),
 * converted to double (exactly, except int64 values beyond 2^53, rounded); any other dtype, Fortran order, a
 * truncated or malformed header or data is an {@link IOException} saying what is wrong.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Writes a 2-D float64 array of shape (rows, cols). */
    public static void write(Path file, Table t) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, t);
        }
    }

    /** Writes a 2-D float64 array of shape (rows, cols) to a stream. */
    public static void write(OutputStream out, Table t) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + t.rows() + ", " + t.cols() + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        StringBuilder header = new StringBuilder(dict);
        header.append(" ".repeat(pad)).append('\n');
        byte[] h = header.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(h.length & 0xff);
        out.write((h.length >>> 8) & 0xff);
        out.write(h);
        ByteBuffer buf = ByteBuffer.allocate(8 * 8192).order(ByteOrder.LITTLE_ENDIAN);
        double[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putDouble(d[i]);
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** An array of any rank: its shape and its values in C order. */
    public record Array(long[] shape, double[] data) {}

    /** Reads a 1-D or 2-D array. */
    public static Table read(Path file) throws IOException {
        Array a = readArray(file);
        long[] shape = a.shape();
        if (shape.length < 1 || shape.length > 2) {
            throw new IOException("expected a 1-D or 2-D array, got shape " + java.util.Arrays.toString(shape));
        }
        return new Table((int) shape[0], shape.length == 2 ? (int) shape[1] : 1, a.data());
    }

    /** Reads an array of any rank (e.g. the (n, n, 2) coefficients of a fourier payoff). */
    public static Array readArray(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("too large: " + size + " bytes, more than one array of " + (Integer.MAX_VALUE - 8) + " bytes");
        }
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (!b.hasRemaining() || b.get() != m) throw new IOException("not a .npy file (bad magic)");
        }
        if (b.remaining() < 4) throw new IOException("truncated .npy header");
        int major = b.get() & 0xff;
        b.get();
        if (major < 1 || major > 3) throw new IOException("unsupported .npy format version " + major + " (1 to 3 are read)");
        if (major > 1 && b.remaining() < 4) throw new IOException("truncated .npy header");
        int headerLen = major == 1 ? (b.getShort() & 0xffff) : b.getInt();
        if (headerLen < 0 || b.position() + headerLen > all.length) throw new IOException("truncated .npy header");
        String header = new String(all, b.position(), headerLen, StandardCharsets.ISO_8859_1);
        b.position(b.position() + headerLen);
        String descr = group(DESCR, header, "descr");
        if ("True".equals(group(ORDER, header, "fortran_order"))) {
            throw new IOException("Fortran-ordered .npy arrays are not supported; save with np.ascontiguousarray");
        }
        String shapeText = group(SHAPE, header, "shape");
        String[] dims = shapeText.split(",");
        long[] shape = new long[dims.length];
        int n = 0;
        for (String s : dims) {
            if (s.isBlank()) continue;
            try {
                shape[n++] = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IOException("malformed .npy header: shape (" + shapeText + ")");
            }
            if (shape[n - 1] < 0) throw new IOException("malformed .npy header: negative size in shape (" + shapeText + ")");
        }
        shape = java.util.Arrays.copyOf(shape, n);
        long total = 1;
        for (long d : shape) {
            if (d > Integer.MAX_VALUE - 8 || (total *= d) > Integer.MAX_VALUE - 8) {
                throw new IOException("array too large: shape " + java.util.Arrays.toString(shape) + " has more than "
                        + (Integer.MAX_VALUE - 8) + " values");
            }
        }
        int count = (int) total;
        int width;
        switch (descr) {
            case "<f8": width = 8; break;
            case "<f4": case "<i4": width = 4; break;
            case "<i8": width = 8; break;
            default: throw new IOException("unsupported dtype '" + descr + "'; expected little-endian float64 '<f8'"
                    + " (float32 '<f4', int32 '<i4' and int64 '<i8' are converted)");
        }
        if ((long) b.remaining() < (long) count * width) {
            throw new IOException("truncated .npy data: expected " + (long) count * width + " bytes, found " + b.remaining());
        }
        double[] d = new double[count];
        for (int i = 0; i < count; i++) {
            switch (descr) {
                case "<f8": d[i] = b.getDouble(); break;
                case "<f4": d[i] = b.getFloat(); break;
                case "<i4": d[i] = b.getInt(); break;
                default: d[i] = b.getLong(); break;
            }
        }
        return new Array(shape, d);
    }

    /** Writes a float64 array of any shape (values in C order). */
    public static void write(Path file, long[] shape, double[] data) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) dims.append(d).append(", ");
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims.toString().trim() + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        byte[] h = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        for (double v : data) buf.putDouble(v);
        Files.write(file, buf.array());
    }

    private static String group(Pattern p, String header, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IOException("malformed .npy header: no '" + key + "'");
        return m.group(1);
    }
}
