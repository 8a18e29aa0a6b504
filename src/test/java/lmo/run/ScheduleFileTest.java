package lmo.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schedule.lmo}: what is written is read back, source for source, also cut at a checkpoint's state; a file
 * that is not whole (a flipped byte, a cut, another magic or version) is refused with a message naming it and what
 * failed.
 */
class ScheduleFileTest {
    @TempDir Path dir;

    static final byte[] FINGERPRINT = CheckpointFile.fingerprint("name: t\n");

    /** A schedule of {@code steps} steps per block with random sources in the allowed range. */
    static ScheduleFile random(int blocks, int s, int steps, long seed) {
        ScheduleFile f = new ScheduleFile(FINGERPRINT, blocks, s);
        Random r = new Random(seed);
        for (int k = 0; k < steps; k++) {
            for (int b = 0; b < blocks; b++) {
                long[] src = new long[blocks];
                for (int j = 0; j < blocks; j++) src[j] = Math.max(0, k - s + r.nextInt(2 * s + 3));
                f.record(b, k, src);
            }
        }
        return f;
    }

    private static void assertSame(ScheduleFile a, ScheduleFile b) {
        assertEquals(a.blocks(), b.blocks());
        assertEquals(a.staleness(), b.staleness());
        assertArrayEquals(a.fingerprint(), b.fingerprint());
        for (int blk = 0; blk < a.blocks(); blk++) {
            assertEquals(a.steps(blk), b.steps(blk));
            for (long k = 0; k < a.steps(blk); k++) assertArrayEquals(a.sources(blk, k), b.sources(blk, k));
        }
    }

    @Test
    void whatIsWrittenIsReadBack() throws IOException {
        for (int s : new int[] {1, 2, 125, 126, 300}) { // int8 values up to s = 125, int32 beyond
            ScheduleFile f = random(7, s, 60, s);
            f.write(dir);
            ScheduleFile back = ScheduleFile.read(dir.resolve(RunLayout.SCHEDULE));
            assertSame(f, back);
            assertFalse(Files.exists(dir.resolve(RunLayout.SCHEDULE + RunLayout.TMP)));
        }
        // compact: 64 blocks, 500 steps of 64 sources, mostly fresh, are 2 MB raw and far less deflated
        ScheduleFile big = new ScheduleFile(FINGERPRINT, 64, 2);
        Random r = new Random(1);
        for (int k = 0; k < 500; k++) {
            for (int b = 0; b < 64; b++) {
                long[] src = new long[64];
                for (int j = 0; j < 64; j++) src[j] = Math.max(0, k - (r.nextInt(8) == 0 ? 1 : 0));
                big.record(b, k, src);
            }
        }
        big.write(dir);
        long size = Files.size(dir.resolve(RunLayout.SCHEDULE));
        assertTrue(size < 2_048_000 / 5, size + " bytes");
        assertSame(big, ScheduleFile.read(dir.resolve(RunLayout.SCHEDULE)));
    }

    @Test
    void aScheduleCutAtACheckpointHoldsTheStepsBeforeIt() throws IOException {
        ScheduleFile f = random(5, 2, 40, 3);
        f.write(dir, 25);
        ScheduleFile back = ScheduleFile.read(dir.resolve(RunLayout.SCHEDULE));
        for (int b = 0; b < 5; b++) {
            assertEquals(25, back.steps(b));
            for (long k = 0; k < 25; k++) assertArrayEquals(f.sources(b, k), back.sources(b, k));
        }
        f.truncate(25);
        assertSame(f, back);
        // the recording goes on from there, as after a rewind
        f.record(0, 25, new long[] {25, 24, 23, 27, 26});
        assertEquals(26, f.steps(0));
        assertArrayEquals(new int[] {0, 1, 2, -2, -1}, f.staleness(0, 25));
    }

    @Test
    void recordRefusesWhatAReplayCouldNotFollow() {
        ScheduleFile f = new ScheduleFile(FINGERPRINT, 3, 2);
        f.record(1, 0, new long[] {0, 0, 0});
        assertThrows(IllegalArgumentException.class, () -> f.record(1, 2, new long[] {0, 0, 0}), "a step skipped");
        assertThrows(IllegalArgumentException.class, () -> f.record(0, 0, new long[] {0, 0}), "too few sources");
        assertThrows(IllegalArgumentException.class, () -> f.record(0, 0, new long[] {0, 0, -1}), "a negative state");
        f.record(0, 0, new long[] {0, 0, 0});
        f.record(0, 1, new long[] {0, 1, 1});
        f.record(0, 2, new long[] {0, 2, 1});
        assertEquals("block 0 step 3 reads state 0 of block 0: staleness 3 outside [-4, 2]",
                assertThrows(IllegalArgumentException.class, () -> f.record(0, 3, new long[] {0, 3, 3})).getMessage());
        f.record(0, 3, new long[] {7, 1, 5}); // -(s + 2): block 0 ran ahead by s + 2 states
        assertThrows(IllegalArgumentException.class, () -> f.record(0, 4, new long[] {9, 4, 4}));
    }

    @Test
    void aDamagedFileIsRefusedNamingWhatFailed() throws IOException {
        random(4, 2, 30, 9).write(dir);
        Path file = dir.resolve(RunLayout.SCHEDULE);
        byte[] good = Files.readAllBytes(file);

        for (int at : new int[] {40, good.length / 2, good.length - 40, good.length - 1}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x10;
            Files.write(file, bad);
            assertRefused(file, "checksum mismatch: the file is corrupt");
        }
        Files.write(file, Arrays.copyOf(good, good.length - 7));
        assertRefused(file, "truncated or corrupt: " + (good.length - 7) + " bytes, the header says " + good.length);
        Files.write(file, Arrays.copyOf(good, 20));
        assertRefused(file, "truncated: 20 bytes");
        Files.write(file, new byte[0]);
        assertRefused(file, "not an lmo schedule (bad magic)");
        byte[] magic = good.clone();
        magic[3] = 'X';
        Files.write(file, magic);
        assertRefused(file, "not an lmo schedule (bad magic)");
        byte[] version = good.clone();
        version[8] = 2;
        Files.write(file, version);
        assertRefused(file, "schedule version 2, this lmo reads version 1");
        Files.delete(file);
        assertRefused(file, "no such file");

        // a checkpoint is not a schedule
        Files.write(file, "LMOCKPT\0 and more bytes than a header and a checksum need, for good measure".getBytes());
        assertRefused(file, "not an lmo schedule (bad magic)");

        // consistent checksum over content that does not inflate to its stated length
        ByteBuffer b = ByteBuffer.wrap(good.clone()).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(24, b.getLong(24) + 1);
        Files.write(file, rechecksummed(b.array()));
        assertRefused(file, "corrupt: the content inflates to another length than " + b.getLong(24));

        Files.write(file, good);
        assertSame(random(4, 2, 30, 9), ScheduleFile.read(file));
    }

    /** The file with its SHA-256 trailer recomputed, as a writer with a bug would leave it. */
    private static byte[] rechecksummed(byte[] file) throws IOException {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(file, 0, file.length - 32);
            System.arraycopy(md.digest(), 0, file, file.length - 32, 32);
            return file;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    private static void assertRefused(Path file, String why) {
        IOException e = assertThrows(IOException.class, () -> ScheduleFile.read(file));
        assertEquals(file + ": " + why, e.getMessage());
    }
}
