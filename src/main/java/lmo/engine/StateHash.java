package lmo.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import lmo.particles.Gathered;

/**
 * {@code stateSha256}: SHA-256 over every population in name order, of each particle in id order, its position
 * coordinates then its mass, then, for models with per-particle solver state, every population's solver arrays in
 * name order (each particle's values in id order), then the model's global state across steps
 * ({@link Gathered#global()}), all as IEEE-754 little-endian doubles. Equal hashes prove equal states, bit for bit;
 * a state without solver arrays or global state hashes as before they existed.
 */
public final class StateHash {
    private StateHash() {}

    public static String sha256(Gathered state) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buf = ByteBuffer.allocate(8 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int p = 0; p < state.m().length; p++) {
            int d = state.dim()[p];
            double[] x = state.x()[p];
            double[] m = state.m()[p];
            for (int i = 0; i < m.length; i++) {
                for (int c = 0; c < d; c++) {
                    if (buf.remaining() < 8) flush(md, buf);
                    buf.putDouble(x[i * d + c]);
                }
                if (buf.remaining() < 8) flush(md, buf);
                buf.putDouble(m[i]);
            }
        }
        for (int p = 0; p < state.m().length; p++) {
            for (double v : state.s()[p]) {
                if (buf.remaining() < 8) flush(md, buf);
                buf.putDouble(v);
            }
        }
        for (double v : state.global()) {
            if (buf.remaining() < 8) flush(md, buf);
            buf.putDouble(v);
        }
        flush(md, buf);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
    }
}
