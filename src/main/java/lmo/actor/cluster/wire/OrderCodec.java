package lmo.actor.cluster.wire;

import java.util.ArrayList;
import java.util.List;
import lmo.engine.Order;
import lmo.particles.Gathered;
import lmo.particles.Summaries;

/**
 * Bodies of the {@link Order} variants and of {@link Summaries}; the byte layout is in {@link Wire}.
 */
final class OrderCodec {
    private static final int NONE = 0;
    private static final int SUM = 1;
    private static final int GATHER = 2;
    private static final int UPDATE = 1;
    private static final int THEN_PARTIALS = 2;
    private static final Order.TaskKind[] KINDS = Order.TaskKind.values();
    /** The smallest encoded summary of a Tasks order: i64 step, i32 rounds, i32 length of the global state. */
    private static final int MIN_TASK_SUMMARY = 8 + 4 + 4;
    /** An encoded task: i8 kind, i32 block, i64 step, i32 summary, f64 massFactor, i32 take. */
    private static final int TASK = 1 + 4 + 8 + 4 + 8 + 4;
    private static final int LIVE = 1;

    private OrderCodec() {}

    static boolean isOrder(int tag) { return tag >= Wire.PARTIALS && tag <= Wire.PICK; }

    static int tag(Order o) {
        if (o instanceof Order.Partials) return Wire.PARTIALS;
        if (o instanceof Order.Apply) return Wire.APPLY;
        if (o instanceof Order.Normalize) return Wire.NORMALIZE;
        if (o instanceof Order.Rollback) return Wire.ROLLBACK;
        if (o instanceof Order.Collect) return Wire.COLLECT;
        if (o instanceof Order.Tasks) return Wire.TASKS;
        if (o instanceof Order.Pick) return Wire.PICK;
        throw new IllegalArgumentException("lmo wire: unknown order " + o.getClass().getName());
    }

    static long size(Order o) {
        if (o instanceof Order.Tasks t) return sizeTasks(t);
        long head = 16; // seq, step
        if (o instanceof Order.Partials p) return head + 4 + sizeSummaries(p.done());
        if (o instanceof Order.Apply a) return head + 1 + 4 + WireWriter.sizeDoubles(a.stageScale()) + sizeSummaries(a.summaries());
        if (o instanceof Order.Normalize n) return head + WireWriter.sizeDoubles(n.factors());
        if (o instanceof Order.Pick p) {
            if (p.take() == null) throw new IllegalArgumentException("lmo wire: a Pick without take");
            return head + 1 + 4 + 4L * p.take().length;
        }
        tag(o); // rejects unknown variants
        return head;
    }

    static void write(WireWriter w, Order o) {
        w.i64(o.seq());
        if (o instanceof Order.Tasks t) {
            writeTasks(w, t);
        } else if (o instanceof Order.Partials p) {
            w.i64(p.step());
            w.i32(p.round());
            writeSummaries(w, p.done());
        } else if (o instanceof Order.Apply a) {
            w.i64(a.step());
            w.i8((a.update() ? UPDATE : 0) | (a.thenPartials() ? THEN_PARTIALS : 0));
            w.i32(a.stage());
            w.doubles(a.stageScale());
            writeSummaries(w, a.summaries());
        } else if (o instanceof Order.Normalize n) {
            w.i64(n.step());
            w.doubles(n.factors());
        } else if (o instanceof Order.Pick p) {
            w.i64(p.step());
            w.i8(p.live() ? LIVE : 0);
            w.i32(p.take().length);
            for (int t : p.take()) w.i32(t);
        } else if (o instanceof Order.Rollback rb) {
            w.i64(rb.step());
        } else {
            w.i64(((Order.Collect) o).step());
        }
    }

    static Order read(WireReader r, int tag) {
        long seq = r.i64("seq");
        if (tag == Wire.TASKS) return readTasks(r, seq);
        long step = r.i64("step");
        switch (tag) {
            case Wire.PARTIALS: {
                int round = r.i32("round");
                return new Order.Partials(seq, step, round, readSummaries(r, step, "round"));
            }
            case Wire.APPLY: {
                int flags = r.i8("flags");
                if ((flags & ~(UPDATE | THEN_PARTIALS)) != 0) throw r.bad("unknown Apply flags " + flags);
                int stage = r.i32("stage");
                if (stage < 0) throw r.bad("negative stage " + stage);
                double[] scale = r.doubles("stageScale");
                return new Order.Apply(seq, step, readSummaries(r, step, "round"), (flags & UPDATE) != 0,
                        (flags & THEN_PARTIALS) != 0, stage, scale);
            }
            case Wire.NORMALIZE: return new Order.Normalize(seq, step, r.doubles("factors"));
            case Wire.ROLLBACK: return new Order.Rollback(seq, step);
            case Wire.COLLECT: return new Order.Collect(seq, step);
            case Wire.PICK: {
                int flags = r.i8("flags");
                if ((flags & ~LIVE) != 0) throw r.bad("unknown Pick flags " + flags);
                int n = r.count("take", 4);
                int[] take = new int[n];
                for (int p = 0; p < n; p++) {
                    take[p] = r.i32("take");
                    if (take[p] < 0) throw r.bad("negative take " + take[p] + " of population " + p);
                }
                return new Order.Pick(seq, step, take, (flags & LIVE) != 0);
            }
            default: throw new IllegalArgumentException("lmo wire: tag " + tag + " is not an Order");
        }
    }

    /** Also checks what the decoder would refuse: a task without a kind, or a summary index out of range. */
    private static long sizeTasks(Order.Tasks t) {
        long n = 8 + 4 + 4; // seq, summary count, task count
        for (Summaries s : t.summaries()) n += 8 + sizeSummaries(s);
        int summaries = t.summaries().size();
        for (int i = 0; i < t.tasks().size(); i++) {
            Order.Task task = t.tasks().get(i);
            if (task.kind() == null) throw new IllegalArgumentException("lmo wire: task " + i + " has no kind");
            if (task.summary() < -1 || task.summary() >= summaries) {
                throw new IllegalArgumentException("lmo wire: task " + i + " names summary " + task.summary()
                        + " of " + summaries);
            }
        }
        return n + (long) TASK * t.tasks().size();
    }

    private static void writeTasks(WireWriter w, Order.Tasks t) {
        w.i32(t.summaries().size());
        for (Summaries s : t.summaries()) {
            w.i64(s.step());
            writeSummaries(w, s);
        }
        w.i32(t.tasks().size());
        for (Order.Task task : t.tasks()) {
            w.i8(task.kind().ordinal());
            w.i32(task.block());
            w.i64(task.step());
            w.i32(task.summary());
            w.f64(task.massFactor());
            w.i32(task.take());
        }
    }

    private static Order.Tasks readTasks(WireReader r, long seq) {
        int count = r.count("summaries", MIN_TASK_SUMMARY);
        List<Summaries> summaries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            r.at("summary", i);
            long step = r.i64("step");
            Summaries s = readSummaries(r, step, "summary " + i + ", round");
            r.at("summary", i);
            if (s == null) throw r.bad("null summaries (rounds -1)");
            summaries.add(s);
        }
        r.atTop();
        int tasks = r.count("tasks", TASK);
        List<Order.Task> list = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            r.at("task", i);
            int kind = r.i8("kind");
            if (kind >= KINDS.length) throw r.bad("unknown task kind " + kind);
            int block = r.i32("block");
            long step = r.i64("step");
            int summary = r.i32("summary");
            if (summary < -1 || summary >= count) {
                throw r.bad("summary index " + summary + " is neither -1 nor one of the " + count + " summaries");
            }
            double massFactor = r.f64("massFactor");
            int take = r.i32("take");
            if (take < 0) throw r.bad("negative take " + take);
            list.add(new Order.Task(KINDS[kind], block, step, summary, massFactor, take));
        }
        return new Order.Tasks(seq, list, summaries);
    }

    private static long sizeSummaries(Summaries s) {
        if (s == null) return 4;
        long n = 4;
        for (int round = 0; round < s.rounds(); round++) {
            Object v = s.get(round);
            n += 1;
            if (v instanceof double[] sum) {
                n += WireWriter.sizeDoubles(sum);
            } else if (v instanceof Gathered g) {
                n += sizeGathered(g, round);
            } else if (v != null) {
                throw new IllegalArgumentException("lmo wire: round " + round + " holds a " + v.getClass().getName());
            }
        }
        return n + WireWriter.sizeDoubles(s.global());
    }

    private static long sizeGathered(Gathered g, int round) {
        if (g.x() == null || g.m() == null || g.dim() == null || g.s() == null || g.solverWidth() == null) {
            throw new IllegalArgumentException("lmo wire: the Gathered of round " + round + " has a null array");
        }
        int populations = g.dim().length;
        if (g.x().length != populations || g.m().length != populations) {
            throw new IllegalArgumentException("lmo wire: the Gathered of round " + round + " has " + g.x().length
                    + " position arrays and " + g.m().length + " mass arrays for " + populations + " populations");
        }
        long n = 4;
        for (int p = 0; p < populations; p++) {
            if (g.x()[p] == null || g.m()[p] == null) {
                throw new IllegalArgumentException("lmo wire: the Gathered of round " + round + " has a null array for"
                        + " population " + p);
            }
            n += 4 + WireWriter.sizeDoubles(g.x()[p]) + WireWriter.sizeDoubles(g.m()[p]) + 4
                    + WireWriter.sizeDoubles(g.s()[p]);
        }
        return n;
    }

    private static void writeSummaries(WireWriter w, Summaries s) {
        if (s == null) {
            w.i32(-1);
            return;
        }
        w.i32(s.rounds());
        for (int round = 0; round < s.rounds(); round++) {
            Object v = s.get(round);
            if (v instanceof double[] sum) {
                w.i8(SUM);
                w.doubles(sum);
            } else if (v instanceof Gathered g) {
                w.i8(GATHER);
                w.i32(g.dim().length);
                for (int p = 0; p < g.dim().length; p++) {
                    w.i32(g.dim()[p]);
                    w.doubles(g.x()[p]);
                    w.doubles(g.m()[p]);
                    w.i32(g.solverWidth()[p]);
                    w.doubles(g.s()[p]);
                }
            } else {
                w.i8(NONE);
            }
        }
        w.doubles(s.global());
    }

    /** @param round how errors name a round ("round": "kind of round 3") */
    private static Summaries readSummaries(WireReader r, long step, String round) {
        int rounds = r.countOrNull("summary rounds", 1);
        if (rounds < 0) return null;
        Object[] values = new Object[rounds];
        for (int i = 0; i < rounds; i++) {
            r.at(round, i);
            int kind = r.i8("kind");
            if (kind == SUM) {
                values[i] = r.doublesNonNull("SUM summary");
            } else if (kind == GATHER) {
                values[i] = readGathered(r, round, i);
            } else if (kind != NONE) {
                throw r.bad("unknown kind " + kind);
            }
        }
        Summaries s = new Summaries(rounds, step, r.doublesNonNull("global state"));
        for (int i = 0; i < rounds; i++) if (values[i] != null) s.set(i, values[i]);
        return s;
    }

    private static Gathered readGathered(WireReader r, String round, int number) {
        int populations = r.count("populations", 12);
        double[][] x = new double[populations][];
        double[][] m = new double[populations][];
        int[] dim = new int[populations];
        double[][] s = new double[populations][];
        int[] width = new int[populations];
        for (int p = 0; p < populations; p++) {
            r.at("GATHER population", p);
            dim[p] = r.i32("dim");
            x[p] = r.doublesNonNull("positions");
            m[p] = r.doublesNonNull("masses");
            width[p] = r.i32("solverWidth");
            s[p] = r.doublesNonNull("solver state");
        }
        r.at(round, number);
        return new Gathered(x, m, dim, s, width);
    }
}
