package lmo.actor.cluster.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import lmo.particles.Gathered;
import lmo.particles.Summaries;

/** SHA-256 of the arrays of a {@link Summaries}, computed without the wire code (so it can check it). */
final class Digest {
    private Digest() {}

    static String of(Summaries s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int r = 0; r < s.rounds(); r++) {
                Object v = s.get(r);
                if (v instanceof double[] sum) {
                    md.update((byte) 'S');
                    update(md, sum);
                } else if (v instanceof Gathered g) {
                    md.update((byte) 'G');
                    for (int p = 0; p < g.dim().length; p++) {
                        md.update((byte) g.dim()[p]);
                        update(md, g.x()[p]);
                        update(md, g.m()[p]);
                    }
                } else {
                    md.update((byte) 'N');
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest md, double[] a) {
        ByteBuffer b = ByteBuffer.allocate(8 * a.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(a.length);
        for (double v : a) b.putLong(Double.doubleToRawLongBits(v));
        md.update(b.array());
    }
}
