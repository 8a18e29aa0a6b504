package lmo.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import lmo.engine.Sync;
import lmo.io.RunLayout;

/**
 * {@code schedule.lmo}, version 1: the recorded sources of a {@code bounded} run ({@code engine.sync: bounded},
 * staleness s >= 1), which {@code bin/lmo replay} follows ({@link Sync#replaying}). Block b's step from state k read
 * block j's partial of state {@code t = sources(b, k)[j]}; the file stores the staleness {@code k - t}, which lies in
 * {@code [-(s + 2), s]} (negative when block j was ahead of b), one signed integer per (b, k, j). Little-endian
 * throughout:
 *
 * <pre>
 * offset  size   field
 * 0       8      magic, ASCII "LMOSCHD\0"
 * 8       4      int32 version = 1
 * 12      4      int32 flags = 0 (reserved)
 * 16      8      int64 L, the length of the deflated content
 * 24      8      int64 U, the length of the content once inflated
 * 32      L      the content, deflated (zlib format, {@link Deflater}):
 *                  32 bytes scenario fingerprint ({@link CheckpointFile#fingerprint})
 *                  int32 B, the number of blocks
 *                  int32 s, the staleness bound
 *                  int32 w, the bytes of one staleness value: 1 (int8) when s &lt;= 125, else 4 (int32)
 *                  B int64 T_b, the number of steps recorded of block b (steps 0 .. T_b - 1)
 *                  for b = 0 .. B-1, k = 0 .. T_b - 1, j = 0 .. B-1: k - sources(b, k)[j], w bytes, signed
 * 32 + L  32     SHA-256 of bytes [0, 32 + L)
 * </pre>
 *
 * <p>A run directory writes it with every checkpoint (the steps before the checkpoint's state only, so a resume and a
 * replay agree) and at the end of a completed or diverged run. {@link #write} is atomic like
 * {@link CheckpointFile#write}: {@code schedule.lmo.tmp}, forced to disk, renamed over {@code schedule.lmo}
 * ({@code ATOMIC_MOVE}), the directory forced. {@link #read} checks magic, version, lengths, the checksum, the
 * inflated length and every value's range, and throws an {@link IOException} naming the file and the check that
 * failed: a torn or corrupted file is never followed. Files and their inflated content are limited to 2 GiB.
 *
 * <p>An instance is also the recording itself: {@link #record} appends a step's sources, {@link #truncate} drops the
 * steps from a state on (a rewind, a resume), and it is the {@link Sync.Recorded} a replay follows. Not thread-safe
 * (the scheduler's thread calls the run directory).
 */
public final class ScheduleFile implements Sync.Recorded {
    /** The file's name in a run directory, {@link RunLayout#SCHEDULE}. */
    public static final String NAME = RunLayout.SCHEDULE;
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "LMOSCHD\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 32;
    private static final int SHA = 32;
    private static final long LIMIT = Integer.MAX_VALUE - 64;

    private final byte[] fingerprint;
    private final int blocks;
    private final int staleness;
    private final int width;
    /** Per block: the staleness values of its steps, {@code width} bytes each, little-endian, B per step. */
    private final byte[][] values;
    private final long[] steps;

    /**
     * An empty recording.
     *
     * @param fingerprint the scenario's ({@link CheckpointFile#fingerprint}), 32 bytes
     * @param blocks the run's number of blocks, >= 1
     * @param staleness the bound s, >= 1
     */
    public ScheduleFile(byte[] fingerprint, int blocks, int staleness) {
        if (fingerprint.length != SHA) throw new IllegalArgumentException("a fingerprint is 32 bytes");
        if (blocks < 1) throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
        if (staleness < 1) throw new IllegalArgumentException("staleness must be >= 1, got " + staleness);
        this.fingerprint = fingerprint.clone();
        this.blocks = blocks;
        this.staleness = staleness;
        this.width = widthFor(staleness);
        this.values = new byte[blocks][];
        this.steps = new long[blocks];
        Arrays.fill(values, new byte[0]);
    }

    private static int widthFor(int staleness) {
        return staleness <= 125 ? 1 : 4;
    }

    /** The scenario fingerprint the schedule was recorded under. */
    public byte[] fingerprint() { return fingerprint.clone(); }

    public String fingerprintHex() { return HexFormat.of().formatHex(fingerprint); }

    /** The staleness bound s of the recorded run. */
    public int staleness() { return staleness; }

    @Override public int blocks() { return blocks; }

    @Override public long steps(int block) { return steps[block]; }

    /** The fewest steps recorded of any block. */
    public long minSteps() {
        return Arrays.stream(steps).min().orElse(0);
    }

    /**
     * Appends block {@code block}'s step from state {@code step}, which read block j's partial of state
     * {@code sources[j]}.
     *
     * @throws IllegalArgumentException if the step is not the block's next ({@link #steps}), the sources are not one
     *     per block, or a staleness {@code step - sources[j]} is outside {@code [-(s + 2), s]} or a source negative
     */
    public void record(int block, long step, long[] sources) {
        if (block < 0 || block >= blocks) throw new IllegalArgumentException("block " + block + " of " + blocks);
        if (step != steps[block]) {
            throw new IllegalArgumentException("block " + block + " records step " + step + " after " + steps[block]
                    + " steps");
        }
        if (sources.length != blocks) {
            throw new IllegalArgumentException(sources.length + " sources for " + blocks + " blocks");
        }
        byte[] v = values[block];
        long need = (step + 1) * blocks * width;
        if (need > LIMIT) throw new IllegalStateException("the schedule of block " + block + " exceeds 2 GiB");
        if (need > v.length) v = values[block] = Arrays.copyOf(v, (int) Math.min(LIMIT, Math.max(need, 2L * v.length)));
        int at = (int) (step * blocks * width);
        for (int j = 0; j < blocks; j++) {
            long st = step - sources[j];
            if (sources[j] < 0 || st < -(staleness + 2) || st > staleness) {
                throw new IllegalArgumentException("block " + block + " step " + step + " reads state " + sources[j]
                        + " of block " + j + ": staleness " + st + " outside [" + -(staleness + 2) + ", " + staleness + "]");
            }
            put(v, at + j * width, (int) st);
        }
        steps[block] = step + 1;
    }

    /** Drops the steps from state {@code step} on (steps >= step) of every block. */
    public void truncate(long step) {
        for (int b = 0; b < blocks; b++) steps[b] = Math.min(steps[b], Math.max(0, step));
    }

    @Override
    public long[] sources(int block, long step) {
        if (step < 0 || step >= steps[block]) {
            throw new IndexOutOfBoundsException("block " + block + " has " + steps[block] + " steps recorded, not step " + step);
        }
        long[] out = new long[blocks];
        int at = (int) (step * blocks * width);
        for (int j = 0; j < blocks; j++) out[j] = step - get(values[block], at + j * width);
        return out;
    }

    /** The staleness {@code step - sources(block, step)[j]} of every block j. */
    public int[] staleness(int block, long step) {
        long[] src = sources(block, step);
        int[] out = new int[blocks];
        for (int j = 0; j < blocks; j++) out[j] = (int) (step - src[j]);
        return out;
    }

    private void put(byte[] v, int at, int x) {
        if (width == 1) {
            v[at] = (byte) x;
        } else {
            for (int i = 0; i < 4; i++) v[at + i] = (byte) (x >>> (8 * i));
        }
    }

    private int get(byte[] v, int at) {
        if (width == 1) return v[at];
        int x = 0;
        for (int i = 0; i < 4; i++) x |= (v[at + i] & 0xff) << (8 * i);
        return x;
    }

    // ------------------------------------------------------------------ file

    /** Writes every recorded step to {@code dir/schedule.lmo} atomically (see the class comment). */
    public void write(Path dir) throws IOException {
        write(dir, Long.MAX_VALUE);
    }

    /**
     * Writes the steps before state {@code before} (steps {@code k < before}) of every block to
     * {@code dir/schedule.lmo} atomically (see the class comment).
     */
    public void write(Path dir, long before) throws IOException {
        DurableWrite.write(dir, NAME, encode(before));
    }

    /** The file's bytes with the steps before state {@code before}. */
    ByteBuffer encode(long before) throws IOException {
        long[] kept = new long[blocks];
        long raw = SHA + 12 + 8L * blocks;
        for (int b = 0; b < blocks; b++) {
            kept[b] = Math.min(steps[b], Math.max(0, before));
            raw += kept[b] * blocks * width;
        }
        if (raw > LIMIT) throw new IOException("schedule too large: " + raw + " bytes (limit 2 GiB)");
        ByteBuffer head = ByteBuffer.allocate(SHA + 12 + 8 * blocks).order(ByteOrder.LITTLE_ENDIAN);
        head.put(fingerprint).putInt(blocks).putInt(staleness).putInt(width);
        for (long t : kept) head.putLong(t);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        try {
            deflate(deflater, head.array(), head.array().length, chunk, out);
            for (int b = 0; b < blocks; b++) deflate(deflater, values[b], (int) (kept[b] * blocks * width), chunk, out);
            deflater.finish();
            while (!deflater.finished()) out.write(chunk, 0, deflater.deflate(chunk));
        } finally {
            deflater.end();
        }
        long total = HEADER + (long) out.size() + SHA;
        if (total > LIMIT) throw new IOException("schedule too large: " + total + " bytes (limit 2 GiB)");
        ByteBuffer file = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        file.put(MAGIC).putInt(VERSION).putInt(0).putLong(out.size()).putLong(raw);
        file.put(out.toByteArray());
        MessageDigest md = sha256();
        md.update(file.array(), 0, file.position());
        file.put(md.digest());
        return file.flip();
    }

    private static void deflate(Deflater d, byte[] in, int length, byte[] chunk, ByteArrayOutputStream out) {
        d.setInput(in, 0, length);
        while (!d.needsInput()) out.write(chunk, 0, d.deflate(chunk));
    }

    /**
     * Reads and verifies a schedule file.
     *
     * @throws IOException naming the file and what is wrong: not a schedule (magic), another version, a length that
     *     does not match the file (truncated or extended), a checksum mismatch (corrupted), content that does not
     *     inflate to its stated length, or values outside their ranges
     */
    public static ScheduleFile read(Path file) throws IOException {
        String where = file + ": ";
        if (!Files.isRegularFile(file)) throw new IOException(where + "no such file");
        if (Files.size(file) > LIMIT) throw new IOException(where + "too large for a schedule");
        byte[] all = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        if (all.length < MAGIC.length || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(where + "not an lmo schedule (bad magic)");
        }
        if (all.length < HEADER + SHA) throw new IOException(where + "truncated: " + all.length + " bytes");
        int version = b.getInt(8);
        if (version != VERSION) {
            throw new IOException(where + "schedule version " + version + ", this lmo reads version " + VERSION);
        }
        long length = b.getLong(16);
        if (length != all.length - HEADER - SHA) {
            throw new IOException(where + "truncated or corrupt: " + all.length + " bytes, the header says "
                    + (HEADER + length + SHA));
        }
        MessageDigest md = sha256();
        md.update(all, 0, HEADER + (int) length);
        if (!Arrays.equals(md.digest(), 0, SHA, all, HEADER + (int) length, all.length)) {
            throw new IOException(where + "checksum mismatch: the file is corrupt");
        }
        long rawLength = b.getLong(24);
        if (rawLength < SHA + 12 || rawLength > LIMIT) {
            throw new IOException(where + "corrupt: inflated length " + rawLength);
        }
        byte[] raw = new byte[(int) rawLength];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(all, HEADER, (int) length);
            int n = 0;
            while (n < raw.length) {
                int got = inflater.inflate(raw, n, raw.length - n);
                if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) break;
                n += got;
            }
            if (n != raw.length || !inflater.finished()) {
                throw new IOException(where + "corrupt: the content inflates to another length than " + rawLength);
            }
        } catch (DataFormatException e) {
            throw new IOException(where + "corrupt: the content does not inflate: " + e.getMessage());
        } finally {
            inflater.end();
        }
        ByteBuffer c = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        try {
            byte[] fingerprint = new byte[SHA];
            c.get(fingerprint);
            int blocks = c.getInt();
            int staleness = c.getInt();
            int width = c.getInt();
            if (blocks < 1 || (long) blocks * 8 > c.remaining()) throw new IOException(where + "corrupt: " + blocks + " blocks");
            if (staleness < 1) throw new IOException(where + "corrupt: staleness " + staleness);
            if (width != widthFor(staleness)) throw new IOException(where + "corrupt: value width " + width);
            ScheduleFile s = new ScheduleFile(fingerprint, blocks, staleness);
            long expected = 0;
            for (int k = 0; k < blocks; k++) {
                s.steps[k] = c.getLong();
                if (s.steps[k] < 0 || s.steps[k] > LIMIT) {
                    throw new IOException(where + "corrupt: block " + k + " has " + s.steps[k] + " steps");
                }
                expected += s.steps[k] * blocks * width; // each term < 2^61 and the sum so far < 2^31: no overflow
                if (expected > rawLength) throw new BufferUnderflowException();
            }
            if (expected != c.remaining()) throw new BufferUnderflowException();
            for (int k = 0; k < blocks; k++) {
                s.values[k] = new byte[(int) (s.steps[k] * blocks * width)];
                c.get(s.values[k]);
                for (long step = 0; step < s.steps[k]; step++) {
                    int at = (int) (step * blocks * width);
                    for (int j = 0; j < blocks; j++) {
                        int st = s.get(s.values[k], at + j * width);
                        if (st < -(staleness + 2) || st > staleness || step - st < 0) {
                            throw new IOException(where + "corrupt: block " + k + " step " + step + " has staleness "
                                    + st + " for block " + j + ", outside [" + -(staleness + 2) + ", " + staleness + "]");
                        }
                    }
                }
            }
            return s;
        } catch (BufferUnderflowException e) {
            throw new IOException(where + "corrupt: the content does not match its lengths");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
