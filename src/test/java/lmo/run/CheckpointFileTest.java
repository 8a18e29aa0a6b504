package lmo.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import lmo.engine.Checkpoint;
import lmo.io.RunLayout;
import lmo.particles.Gathered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file reads back bit for bit, and any damage to it is an IOException that says what is wrong. */
class CheckpointFileTest {
    @TempDir Path dir;

    private static final byte[] FINGERPRINT = CheckpointFile.fingerprint("name: t\n");

    /** Two populations with awkward values: -0.0, subnormals, extremes, NaN payloads, and a non-ASCII name. */
    private static Checkpoint sample() {
        double[] x0 = {0.25, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.longBitsToDouble(0x7ff8dead0000beefL), 1e-310};
        double[] m0 = {1.0 / 3, Math.ulp(1.0), 0.0};
        double[] x1 = {Math.PI};
        double[] m1 = {Double.POSITIVE_INFINITY};
        return new Checkpoint(1234567890123L, new Gathered(new double[][] {x0, x1}, new double[][] {m0, m1}, new int[] {2, 1}));
    }

    private Path written() throws IOException {
        CheckpointFile.write(dir, List.of("particles", "spieler-ü"), sample(), FINGERPRINT);
        return dir.resolve(CheckpointFile.NAME);
    }

    private static long[] bits(double[] a) {
        return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static String rejected(Path file) {
        return assertThrows(IOException.class, () -> CheckpointFile.read(file)).getMessage();
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        CheckpointFile.Contents c = CheckpointFile.read(written());
        Checkpoint want = sample();
        assertEquals(want.step(), c.checkpoint().step());
        assertEquals(List.of("particles", "spieler-ü"), c.names());
        assertArrayEquals(FINGERPRINT, c.fingerprint());
        Gathered a = want.state(), b = c.checkpoint().state();
        assertArrayEquals(a.dim(), b.dim());
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(bits(a.x()[p]), bits(b.x()[p]), "positions of " + p);
            assertArrayEquals(bits(a.m()[p]), bits(b.m()[p]), "masses of " + p);
        }
        assertFalse(Files.exists(dir.resolve(RunLayout.CHECKPOINT + RunLayout.TMP)), "the temporary file was renamed");
    }

    @Test
    void theLayoutIsTheDocumentedOne() throws IOException {
        byte[] f = Files.readAllBytes(written());
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("LMOCKPT\0", new String(f, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(1, b.getInt(8));
        assertEquals(0, b.getInt(12));
        assertEquals(f.length - 24 - 32, b.getLong(16));
        assertEquals(1234567890123L, b.getLong(24));
        assertArrayEquals(FINGERPRINT, Arrays.copyOfRange(f, 32, 64));
        assertEquals(2, b.getInt(64));
        assertEquals(9, b.getInt(68));
        assertEquals("particles", new String(f, 72, 9, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, b.getInt(81));
        assertEquals(3, b.getInt(85));
        assertEquals(0.25, b.getDouble(89));
        assertEquals(1.0 / 3, b.getDouble(89 + 6 * 8));
        assertEquals(0, b.getInt(f.length - 32 - 4), "no extra sections");
        assertArrayEquals(sha256(Arrays.copyOf(f, f.length - 32)), Arrays.copyOfRange(f, f.length - 32, f.length));
    }

    @Test
    void aCorruptedByteAnywhereIsRejected() throws IOException {
        byte[] good = Files.readAllBytes(written());
        Path bad = dir.resolve("bad.lmo");
        for (int i = 0; i < good.length; i++) {
            byte[] f = good.clone();
            f[i] ^= (byte) (1 << (i % 8));
            Files.write(bad, f);
            String msg = rejected(bad);
            assertTrue(msg.startsWith(bad + ": "), msg);
            assertTrue(msg.contains("bad magic") || msg.contains("version") || msg.contains("truncated or corrupt")
                    || msg.contains("checksum mismatch"), "byte " + i + ": " + msg);
        }
    }

    @Test
    void aTruncatedOrExtendedFileIsRejected() throws IOException {
        byte[] good = Files.readAllBytes(written());
        Path bad = dir.resolve("bad.lmo");
        for (int n = 0; n < good.length; n++) {
            Files.write(bad, Arrays.copyOf(good, n));
            String msg = rejected(bad);
            assertTrue(msg.contains(n < 8 ? "bad magic" : "truncated"), n + " bytes: " + msg);
        }
        Files.write(bad, Arrays.copyOf(good, good.length + 1));
        assertTrue(rejected(bad).contains("truncated or corrupt"));
    }

    @Test
    void wrongMagicOrAnotherVersionIsNamed() throws IOException {
        byte[] f = Files.readAllBytes(written());
        Path bad = dir.resolve("bad.lmo");
        Files.write(bad, "\u0093NUMPY".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(bad + ": not an lmo checkpoint (bad magic)", rejected(bad));
        f[8] = 2; // a well-formed file of a later version: checksum recomputed
        System.arraycopy(sha256(Arrays.copyOf(f, f.length - 32)), 0, f, f.length - 32, 32);
        Files.write(bad, f);
        assertEquals(bad + ": checkpoint version 2, this lmo reads version 1", rejected(bad));
    }

    @Test
    void lengthsThatLieAreCaughtEvenWithAValidChecksum() throws IOException {
        byte[] f = Files.readAllBytes(written());
        ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putInt(85, 4); // 4 particles where there are 3
        System.arraycopy(sha256(Arrays.copyOf(f, f.length - 32)), 0, f, f.length - 32, 32);
        Path bad = dir.resolve("bad.lmo");
        Files.write(bad, f);
        assertEquals(bad + ": corrupt: the content does not match its lengths", rejected(bad));
    }

    @Test
    void theFingerprintIgnoresTheShardCountOnly() {
        String yaml = "name: t\nsteps: 10\nengine:\n  shards: 4\n  blockSize: 16\n  sync: bsp\noutput:\n  every: 1\n";
        byte[] f = CheckpointFile.fingerprint(yaml);
        assertArrayEquals(f, CheckpointFile.fingerprint(yaml.replace("shards: 4", "shards: 1")));
        assertFalse(Arrays.equals(f, CheckpointFile.fingerprint(yaml.replace("blockSize: 16", "blockSize: 17"))));
        assertFalse(Arrays.equals(f, CheckpointFile.fingerprint(yaml.replace("steps: 10", "steps: 11"))));
        String other = "name: t\nextra:\n  shards: 4\n";
        assertNotEquals(Arrays.toString(CheckpointFile.fingerprint(other)),
                Arrays.toString(CheckpointFile.fingerprint(other.replace("shards: 4", "shards: 1"))), "only engine.shards");
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
