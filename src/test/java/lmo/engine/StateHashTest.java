package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import lmo.particles.Gathered;
import org.junit.jupiter.api.Test;

/**
 * {@code stateSha256} is SHA-256 of the state's doubles, little-endian, in the documented order, whatever the
 * particles' dimension (a ResNet unit in embedding 2048 has 4096 coordinates, more than the hash's buffer holds).
 */
class StateHashTest {
    /** The documented byte stream, written out directly. */
    private static String direct(double[][] x, double[][] m, int[] dim, double[][] s, double[] global) throws Exception {
        int doubles = 0;
        for (int p = 0; p < m.length; p++) doubles += x[p].length + m[p].length + s[p].length;
        ByteBuffer b = ByteBuffer.allocate(8 * (doubles + global.length)).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < m.length; p++) {
            for (int i = 0; i < m[p].length; i++) {
                for (int c = 0; c < dim[p]; c++) b.putDouble(x[p][i * dim[p] + c]);
                b.putDouble(m[p][i]);
            }
        }
        for (double[] sp : s) for (double v : sp) b.putDouble(v);
        for (double v : global) b.putDouble(v);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    @Test
    void particlesOfAnyDimensionHashAsTheDocumentedByteStream() throws Exception {
        for (int d : new int[] {1, 3, 4095, 4096, 5000}) {
            double[] x = new double[3 * d];
            for (int k = 0; k < x.length; k++) x[k] = Math.sin(k + 0.5 * d);
            double[][] xs = {x, {0.25, -1}};
            double[][] ms = {{0.5, 0.25, 0.25}, {1, 2}};
            int[] dims = {d, 1};
            double[][] solver = {{7, 8, 9}, {}};
            double[] global = {1.5, -2.5};
            Gathered g = new Gathered(xs, ms, dims, solver, new int[] {1, 0}, global);
            assertEquals(direct(xs, ms, dims, solver, global), StateHash.sha256(g), "dim " + d);
            x[x.length - 1] += 1e-15;
            assertNotEquals(direct(xs, ms, dims, solver, global), StateHash.sha256(new Gathered(xs, ms, dims, solver,
                    new int[] {1, 0}, new double[] {1.5, -2.5 + 1e-15})), "the global state counts");
        }
    }
}
