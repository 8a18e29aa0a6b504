package lmo.run;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import lmo.engine.Checkpoint;
import lmo.io.RunLayout;
import lmo.particles.Gathered;

/**
 * {@code checkpoint.lmo}, version 1: the state a run continues from. Little-endian throughout:
 *
 * <pre>
 * offset  size   field
 * 0       8      magic, ASCII "LMOCKPT\0"
 * 8       4      int32 version = 1
 * 12      4      int32 flags = 0 (reserved)
 * 16      8      int64 L, the length of the content
 * 24      L      content:
 *                  int64 step (the RNG is counter-based: its counter is the step)
 *                  32 bytes scenario fingerprint (see {@link #fingerprint})
 *                  int32 P, then P populations in name order, each:
 *                    int32 n, n bytes of UTF-8 name; int32 dim; int32 count;
 *                    count * dim float64 positions, then count float64 masses, in particle id order
 *                  int32 S, then S sections (int32 tag, int64 length, bytes); the known ones:
 *                    tag 1, the models' per-particle solver state (written only when a population has some):
 *                      per population in name order, int32 width, then count * width float64 in particle id order
 *                    tag 2, the model's global state across steps (written only when it has some):
 *                      length / 8 float64
 *                    tag 3, the earlier states of a delayed run (states step - E .. step - 1, oldest first; written
 *                      only when there are some): int32 E, then E times, per population in name order,
 *                      count * dim float64 positions, then count float64 masses
 *                  (a build that does not know a tag refuses the file, naming the tag)
 * 24 + L  32     SHA-256 of bytes [0, 24 + L)
 * </pre>
 *
 * <p>{@link #write} is atomic: it writes {@code checkpoint.lmo.tmp}, forces it to disk, renames it over
 * {@code checkpoint.lmo} ({@code ATOMIC_MOVE}) and forces the directory, so a crash at any moment leaves the
 * previous checkpoint or the new one, never a mixture. {@link #read} checks magic, version, lengths and checksum
 * and throws an {@link IOException} saying which failed: a torn or corrupted file is never accepted. Files are
 * limited to 2 GiB.
 */
public final class CheckpointFile {
    /** The file's name in a run directory, {@link RunLayout#CHECKPOINT}. */
    public static final String NAME = RunLayout.CHECKPOINT;
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "LMOCKPT\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 24;
    private static final int SHA = 32;
    /** Section tag of the per-particle solver state. */
    private static final int SOLVER_STATE = 1;
    /** Section tag of the model's global state across steps. */
    private static final int GLOBAL_STATE = 2;
    /** Section tag: the earlier states of a delayed run. */
    private static final int EARLIER_STATES = 3;

    /** A checkpoint read back, with the names of its populations and the fingerprint of its scenario. */
    public record Contents(Checkpoint checkpoint, List<String> names, byte[] fingerprint) {
        public String fingerprintHex() { return HexFormat.of().formatHex(fingerprint); }
    }

    private CheckpointFile() {}

    /**
     * The scenario fingerprint: SHA-256 of the resolved scenario text (UTF-8, as lmo writes it in a run
     * directory) without the {@code shards:} line of the top-level {@code engine:} mapping, since the shard count
     * does not change a run's result.
     */
    public static byte[] fingerprint(String resolvedYaml) {
        StringBuilder kept = new StringBuilder(resolvedYaml.length());
        String section = "";
        for (String line : resolvedYaml.split("\n", -1)) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) section = line;
            if (section.startsWith("engine:") && line.matches("\\s+shards:.*")) continue;
            kept.append(line).append('\n');
        }
        return sha256().digest(kept.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code dir/checkpoint.lmo} atomically (see the class comment). */
    public static void write(Path dir, List<String> names, Checkpoint c, byte[] fingerprint) throws IOException {
        DurableWrite.write(dir, NAME, encode(names, c, fingerprint));
    }

    static ByteBuffer encode(List<String> names, Checkpoint c, byte[] fingerprint) throws IOException {
        Gathered s = c.state();
        int populations = s.m().length;
        if (names.size() != populations) {
            throw new IllegalArgumentException(names.size() + " names for " + populations + " populations");
        }
        if (fingerprint.length != SHA) throw new IllegalArgumentException("a fingerprint is 32 bytes");
        long content = 8 + SHA + 4 + 4;
        List<byte[]> utf8 = new ArrayList<>();
        for (int p = 0; p < populations; p++) {
            utf8.add(names.get(p).getBytes(StandardCharsets.UTF_8));
            content += 4 + utf8.get(p).length + 8 + 8L * (s.x()[p].length + s.m()[p].length);
        }
        long solverBytes = 0;
        if (s.hasSolverState()) {
            for (int p = 0; p < populations; p++) solverBytes += 4 + 8L * s.s()[p].length;
            content += 4 + 8 + solverBytes;
        }
        long globalBytes = 8L * s.global().length;
        if (globalBytes > 0) content += 4 + 8 + globalBytes;
        long earlierBytes = 0;
        for (Gathered e : c.earlier()) {
            for (int p = 0; p < populations; p++) {
                if (e.x()[p].length != s.x()[p].length || e.m()[p].length != s.m()[p].length) {
                    throw new IllegalArgumentException("an earlier state has another shape than the state");
                }
                earlierBytes += 8L * (e.x()[p].length + e.m()[p].length);
            }
        }
        if (!c.earlier().isEmpty()) content += 4 + 8 + 4 + earlierBytes;
        long total = HEADER + content + SHA;
        if (total > Integer.MAX_VALUE - 16) throw new IOException("checkpoint too large: " + total + " bytes (limit 2 GiB)");
        ByteBuffer b = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(VERSION).putInt(0).putLong(content);
        b.putLong(c.step()).put(fingerprint).putInt(populations);
        for (int p = 0; p < populations; p++) {
            b.putInt(utf8.get(p).length).put(utf8.get(p)).putInt(s.dim()[p]).putInt(s.count(p));
            b.asDoubleBuffer().put(s.x()[p]).put(s.m()[p]);
            b.position(b.position() + 8 * (s.x()[p].length + s.m()[p].length));
        }
        b.putInt((s.hasSolverState() ? 1 : 0) + (globalBytes > 0 ? 1 : 0) + (c.earlier().isEmpty() ? 0 : 1));
        if (s.hasSolverState()) {
            b.putInt(SOLVER_STATE).putLong(solverBytes);
            for (int p = 0; p < populations; p++) {
                b.putInt(s.solverWidth()[p]);
                b.asDoubleBuffer().put(s.s()[p]);
                b.position(b.position() + 8 * s.s()[p].length);
            }
        }
        if (globalBytes > 0) {
            b.putInt(GLOBAL_STATE).putLong(globalBytes);
            b.asDoubleBuffer().put(s.global());
            b.position(b.position() + (int) globalBytes);
        }
        if (!c.earlier().isEmpty()) {
            b.putInt(EARLIER_STATES).putLong(4 + earlierBytes).putInt(c.earlier().size());
            for (Gathered e : c.earlier()) {
                for (int p = 0; p < populations; p++) {
                    b.asDoubleBuffer().put(e.x()[p]).put(e.m()[p]);
                    b.position(b.position() + 8 * (e.x()[p].length + e.m()[p].length));
                }
            }
        }
        MessageDigest md = sha256();
        md.update(b.array(), 0, b.position());
        b.put(md.digest());
        return b.flip();
    }

    /**
     * Reads and verifies a checkpoint file.
     *
     * @throws IOException naming the file and what is wrong: not a checkpoint (magic), another version, a length
     *     that does not match the file (truncated or extended), a checksum mismatch (corrupted), or an
     *     inconsistent content
     */
    public static Contents read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(readAll(file)).order(ByteOrder.LITTLE_ENDIAN);
        String where = file + ": ";
        if (b.remaining() < MAGIC.length || !Arrays.equals(b.array(), 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(where + "not an lmo checkpoint (bad magic)");
        }
        if (b.remaining() < HEADER + SHA) throw new IOException(where + "truncated: " + b.remaining() + " bytes");
        int version = b.getInt(8);
        if (version != VERSION) {
            throw new IOException(where + "checkpoint version " + version + ", this lmo reads version " + VERSION);
        }
        long content = b.getLong(16);
        if (content != b.remaining() - HEADER - SHA) {
            throw new IOException(where + "truncated or corrupt: " + b.remaining() + " bytes, the header says "
                    + (HEADER + content + SHA));
        }
        MessageDigest md = sha256();
        md.update(b.array(), 0, HEADER + (int) content);
        if (!Arrays.equals(md.digest(), 0, SHA, b.array(), HEADER + (int) content, b.remaining())) {
            throw new IOException(where + "checksum mismatch: the file is corrupt");
        }
        try {
            b.position(HEADER).limit(HEADER + (int) content);
            long step = b.getLong();
            byte[] fingerprint = new byte[SHA];
            b.get(fingerprint);
            int populations = count(b, 4);
            List<String> names = new ArrayList<>();
            double[][] x = new double[populations][];
            double[][] m = new double[populations][];
            int[] dim = new int[populations];
            for (int p = 0; p < populations; p++) {
                byte[] name = new byte[count(b, 1)];
                b.get(name);
                names.add(new String(name, StandardCharsets.UTF_8));
                dim[p] = b.getInt();
                int n = b.getInt();
                if (dim[p] < 1 || n < 0 || (long) n * (dim[p] + 1) * 8 > b.remaining()) throw new BufferUnderflowException();
                x[p] = new double[n * dim[p]];
                m[p] = new double[n];
                b.asDoubleBuffer().get(x[p]).get(m[p]);
                b.position(b.position() + 8 * (x[p].length + n));
            }
            int sections = b.getInt();
            double[][] sv = new double[populations][];
            int[] width = new int[populations];
            for (int p = 0; p < populations; p++) sv[p] = new double[0];
            double[] global = new double[0];
            List<Gathered> earlier = new ArrayList<>();
            for (int k = 0; k < sections; k++) {
                int tag = b.getInt();
                long length = b.getLong();
                if (tag == EARLIER_STATES) {
                    if (length < 4 || length > b.remaining()) throw new BufferUnderflowException();
                    int end = b.position() + (int) length;
                    int count = b.getInt();
                    if (count < 1 || count > step) throw new BufferUnderflowException();
                    for (int e = 0; e < count; e++) {
                        double[][] ex = new double[populations][];
                        double[][] em = new double[populations][];
                        for (int p = 0; p < populations; p++) {
                            if (8L * (x[p].length + m[p].length) > b.remaining()) throw new BufferUnderflowException();
                            ex[p] = new double[x[p].length];
                            em[p] = new double[m[p].length];
                            b.asDoubleBuffer().get(ex[p]).get(em[p]);
                            b.position(b.position() + 8 * (ex[p].length + em[p].length));
                        }
                        earlier.add(new Gathered(ex, em, dim.clone()));
                    }
                    if (b.position() != end) throw new BufferUnderflowException();
                    continue;
                }
                if (tag != SOLVER_STATE && tag != GLOBAL_STATE) {
                    throw new IOException(where + "section tag " + tag + " this lmo does not know");
                }
                if (length < 0 || length > b.remaining()) throw new BufferUnderflowException();
                int end = b.position() + (int) length;
                if (tag == GLOBAL_STATE) {
                    if (length % 8 != 0) throw new BufferUnderflowException();
                    global = new double[(int) (length / 8)];
                    b.asDoubleBuffer().get(global);
                    b.position(end);
                    continue;
                }
                for (int p = 0; p < populations; p++) {
                    width[p] = b.getInt();
                    if (width[p] < 0 || (long) m[p].length * width[p] * 8 > b.remaining()) throw new BufferUnderflowException();
                    sv[p] = new double[m[p].length * width[p]];
                    b.asDoubleBuffer().get(sv[p]);
                    b.position(b.position() + 8 * sv[p].length);
                }
                if (b.position() != end) throw new BufferUnderflowException();
            }
            if (b.hasRemaining() || step < 0) throw new BufferUnderflowException();
            return new Contents(new Checkpoint(step, new Gathered(x, m, dim, sv, width, global), earlier),
                    List.copyOf(names), fingerprint);
        } catch (BufferUnderflowException e) {
            throw new IOException(where + "corrupt: the content does not match its lengths");
        }
    }

    /** A non-negative int32 count of items of {@code size} bytes that fit in what remains. */
    private static int count(ByteBuffer b, int size) {
        int n = b.getInt();
        if (n < 0 || (long) n * size > b.remaining()) throw new BufferUnderflowException();
        return n;
    }

    private static byte[] readAll(Path file) throws IOException {
        if (Files.size(file) > Integer.MAX_VALUE - 16) throw new IOException(file + ": too large for a checkpoint");
        return Files.readAllBytes(file);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
