package lmo.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed .npy and .csv input files are an IOException saying what is wrong, never another exception. */
class NpyCsvTest {
    @TempDir Path dir;

    /** A version-1 .npy file with the given header dictionary and data bytes. */
    private Path npy(String name, String dict, byte[] data) throws IOException {
        int unpadded = 6 + 2 + 2 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.US_ASCII)).put(data);
        return Files.write(dir.resolve(name), b.array());
    }

    private static String rejected(Path file) {
        return assertThrows(IOException.class, () -> Csv.readNumeric(file)).getMessage();
    }

    @Test
    void int32AndFloat32AreConvertedToDouble() throws IOException {
        ByteBuffer i4 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(1).putInt(-2).putInt(3);
        Table t = Npy.read(npy("i4.npy", "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", i4.array()));
        assertArrayEquals(new double[] {1, -2, 3}, t.data());
        ByteBuffer f4 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(-1.25f);
        t = Npy.read(npy("f4.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2), }", f4.array()));
        assertEquals(1, t.rows());
        assertArrayEquals(new double[] {0.5, -1.25}, t.data());
    }

    @Test
    void everyTruncationOfAValidFileIsAnIoException() throws IOException {
        Path good = dir.resolve("good.npy");
        Npy.write(good, new Table(2, 2, new double[] {1, 2, 3, 4}));
        byte[] all = Files.readAllBytes(good);
        for (int n = 0; n < all.length; n++) {
            Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(all, n));
            String msg = rejected(cut);
            assertEquals(true, msg.contains("bad magic") || msg.contains("truncated") || msg.contains("malformed"), n + ": " + msg);
        }
    }

    @Test
    void malformedHeadersSayWhatIsWrong() throws IOException {
        byte[] eight = new byte[8];
        assertEquals("unsupported dtype '<c16'; expected little-endian float64 '<f8' (float32 '<f4', int32 '<i4' and"
                + " int64 '<i8' are converted)", rejected(npy("c.npy", "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }",
                new byte[16])));
        assertEquals("Fortran-ordered .npy arrays are not supported; save with np.ascontiguousarray",
                rejected(npy("f.npy", "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }", eight)));
        assertEquals("malformed .npy header: negative size in shape (-1,)",
                rejected(npy("neg.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", eight)));
        assertEquals("malformed .npy header: shape (x,)",
                rejected(npy("x.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (x,), }", eight)));
        assertEquals("array too large: shape [4294967296, 4294967296] has more than 2147483639 values",
                rejected(npy("big.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", eight)));
        assertEquals("truncated .npy data: expected 24 bytes, found 8",
                rejected(npy("short.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", eight)));
    }

    @Test
    void csvCellsThatAreNotNumbersAreNamed() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\n3,abc\n");
        assertEquals("line 3 column 2: not a number: 'abc'", rejected(bad));
        assertEquals("line 2 column 2: not a number: ''", rejected(Files.writeString(dir.resolve("e.csv"), "1,2\n3,\n")));
        assertEquals("no data rows", rejected(Files.writeString(dir.resolve("empty.csv"), "")));
        assertEquals("line 3: 3 columns, expected 2", rejected(Files.writeString(dir.resolve("r.csv"), "1,2\n3,4\n5,6,7\n")));
    }
}
