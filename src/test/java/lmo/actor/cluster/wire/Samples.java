package lmo.actor.cluster.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import lmo.engine.BlockReport;
import lmo.engine.Order;
import lmo.engine.ShardReport;
import lmo.particles.Gathered;
import lmo.particles.Summaries;

/** Random messages whose doubles include every awkward IEEE-754 value. */
final class Samples {
    static final double[] AWKWARD = {
        Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L), Double.longBitsToDouble(0xfff8_dead_beef_0001L),
        Double.longBitsToDouble(0x7ff4_0000_0000_0000L), -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MIN_NORMAL / 3, -Double.MIN_NORMAL / 7,
        Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, Math.ulp(1.0),
    };

    private final SplittableRandom rng;

    Samples(long seed) { rng = new SplittableRandom(seed); }

    double value() {
        switch (rng.nextInt(4)) {
            case 0: return AWKWARD[rng.nextInt(AWKWARD.length)];
            case 1: return Double.longBitsToDouble(rng.nextLong());
            default: return rng.nextDouble() * 2 - 1;
        }
    }

    double[] doubles(int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = value();
        return a;
    }

    /** Length 0, short (element-wise path) or long (bulk path). */
    int length() {
        switch (rng.nextInt(4)) {
            case 0: return 0;
            case 1: return 1 + rng.nextInt(15);
            default: return 16 + rng.nextInt(300);
        }
    }

    double[] doublesOrNull() { return rng.nextInt(4) == 0 ? null : doubles(length()); }

    Gathered gathered() {
        int populations = rng.nextInt(4);
        double[][] x = new double[populations][];
        double[][] m = new double[populations][];
        int[] dim = new int[populations];
        double[][] s = new double[populations][];
        int[] width = new int[populations];
        for (int p = 0; p < populations; p++) {
            dim[p] = 1 + rng.nextInt(4);
            int count = rng.nextInt(3) == 0 ? 0 : rng.nextInt(200);
            x[p] = doubles(count * dim[p]);
            m[p] = doubles(count);
            width[p] = rng.nextInt(3);
            s[p] = doubles(count * width[p]);
        }
        return new Gathered(x, m, dim, s, width);
    }

    /** Any mix of null, SUM and GATHER rounds; sometimes no rounds; sometimes null. */
    Summaries summaries() {
        if (rng.nextInt(8) == 0) return null;
        Summaries s = new Summaries(rng.nextInt(5));
        for (int r = 0; r < s.rounds(); r++) {
            int kind = rng.nextInt(3);
            if (kind == 1) s.set(r, doubles(length()));
            if (kind == 2) s.set(r, gathered());
        }
        return s;
    }

    long anyLong() {
        switch (rng.nextInt(4)) {
            case 0: return Long.MIN_VALUE;
            case 1: return Long.MAX_VALUE;
            case 2: return -1;
            default: return rng.nextLong();
        }
    }

    Order order() {
        long seq = anyLong();
        long step = anyLong();
        switch (rng.nextInt(7)) {
            case 6: return pick(seq, step);
            case 5: return tasks(seq);
            case 0: return new Order.Partials(seq, step, rng.nextInt(), summaries());
            case 1: return new Order.Apply(seq, step, summaries(), rng.nextBoolean(), rng.nextBoolean(),
                    rng.nextInt(3), doublesOrNull());
            case 2: return new Order.Normalize(seq, step, doublesOrNull());
            case 3: return new Order.Rollback(seq, step);
            default: return new Order.Collect(seq, step);
        }
    }

    /** Summaries of their own steps (some with a global state), tasks of every kind naming them or none. */
    Order.Tasks tasks(long seq) {
        List<Summaries> summaries = new ArrayList<>();
        int n = rng.nextInt(4);
        for (int i = 0; i < n; i++) {
            Summaries inner = summaries();
            Summaries s = new Summaries(inner == null ? 0 : inner.rounds(), anyLong(),
                    rng.nextBoolean() ? null : doubles(length()));
            for (int r = 0; r < s.rounds(); r++) if (inner.get(r) != null) s.set(r, inner.get(r));
            summaries.add(s);
        }
        List<Order.Task> tasks = new ArrayList<>();
        int t = rng.nextInt(8);
        Order.TaskKind[] kinds = Order.TaskKind.values();
        for (int i = 0; i < t; i++) {
            tasks.add(new Order.Task(kinds[rng.nextInt(kinds.length)], rng.nextInt(), anyLong(), rng.nextInt(n + 1) - 1,
                    value(), rng.nextInt(Integer.MAX_VALUE)));
        }
        return new Order.Tasks(seq, tasks, summaries);
    }

    /** A trajectory or live-sample pick of 0 to 3 populations. */
    Order.Pick pick(long seq, long step) {
        int[] take = new int[rng.nextInt(4)];
        for (int p = 0; p < take.length; p++) take[p] = rng.nextInt(Integer.MAX_VALUE);
        return new Order.Pick(seq, step, take, rng.nextBoolean());
    }

    String text() {
        String[] pieces = {"", "x", "NaN at particle 7", "grad V = ∞", "ünïcödé", "😀 emoji", "中文", "\u0000nul", "a\nb"};
        StringBuilder b = new StringBuilder();
        int n = rng.nextInt(4);
        for (int i = 0; i < n; i++) b.append(pieces[rng.nextInt(pieces.length)]);
        return b.toString();
    }

    BlockReport blockReport(int block) {
        return new BlockReport(block, doublesOrNull(), doublesOrNull(), doublesOrNull(), doublesOrNull(),
                rng.nextInt(3) == 0 ? Double.NaN : value(), value(), rng.nextInt(3) == 0 ? -1 : rng.nextInt(),
                rng.nextInt(3) == 0 ? null : text(), doublesOrNull());
    }

    ShardReport report() {
        List<BlockReport> blocks = new ArrayList<>();
        int n = rng.nextInt(6);
        for (int i = 0; i < n; i++) blocks.add(blockReport(rng.nextInt()));
        return new ShardReport(rng.nextInt(), anyLong(), blocks, anyLong());
    }

    BlockState blockState(int index) {
        int dim = 1 + rng.nextInt(3);
        int count = rng.nextInt(3) == 0 ? 0 : rng.nextInt(100);
        int width = rng.nextInt(3);
        return new BlockState(rng.nextInt(3), index, rng.nextLong(), dim, doubles(count * dim), doubles(count), width,
                doubles(count * width));
    }

    BlockStates blockStates() {
        List<BlockState> blocks = new ArrayList<>();
        int n = rng.nextInt(6);
        for (int i = 0; i < n; i++) blocks.add(blockState(i));
        return new BlockStates(anyLong(), rng.nextInt(), anyLong(), rng.nextInt(4) == 0 ? null : text(), blocks);
    }
}
