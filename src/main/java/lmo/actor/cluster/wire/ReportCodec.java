package lmo.actor.cluster.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lmo.engine.BlockReport;
import lmo.engine.ShardReport;

/**
 * Body of a {@link ShardReport} (tag 16 in {@link Wire}):
 *
 * <pre>
 * i32 shard  i64 seq  i64 computeNanos  i32 count (-1 = null list), then per block report:
 *   i32 block  doubles? partial  doubles? x  doubles? m  doubles? metrics
 *   f64 massBefore  f64 massAfter  i32 diverged  string? problem  doubles? s (solver state)
 * </pre>
 *
 * Nulls, NaNs (with their payload bits), -0.0 and -1 come back exactly. A null element of the list is refused on
 * encode. The decoded list is unmodifiable.
 */
final class ReportCodec {
    /** The smallest encoded block report: all arrays and the problem null. */
    private static final int MIN_BLOCK = 4 + 4 * 4 + 8 + 8 + 4 + 4 + 4;

    private ReportCodec() {}

    static long size(ShardReport report) {
        long n = 4 + 8 + 8 + 4;
        if (report.blocks() == null) return n;
        int i = 0;
        for (BlockReport b : report.blocks()) {
            if (b == null) throw new IllegalArgumentException("lmo wire: block report " + i + " is null");
            n += 4 + WireWriter.sizeDoubles(b.partial()) + WireWriter.sizeDoubles(b.x()) + WireWriter.sizeDoubles(b.m())
                    + WireWriter.sizeDoubles(b.metrics()) + 8 + 8 + 4 + WireWriter.sizeString(b.problem())
                    + WireWriter.sizeDoubles(b.s());
            i++;
        }
        return n;
    }

    static void write(WireWriter w, ShardReport report) {
        w.i32(report.shard());
        w.i64(report.seq());
        w.i64(report.computeNanos());
        List<BlockReport> blocks = report.blocks();
        if (blocks == null) {
            w.i32(-1);
            return;
        }
        w.i32(blocks.size());
        for (BlockReport b : blocks) {
            w.i32(b.block());
            w.doubles(b.partial());
            w.doubles(b.x());
            w.doubles(b.m());
            w.doubles(b.metrics());
            w.f64(b.massBefore());
            w.f64(b.massAfter());
            w.i32(b.diverged());
            w.string(b.problem());
            w.doubles(b.s());
        }
    }

    static ShardReport read(WireReader r) {
        int shard = r.i32("shard");
        long seq = r.i64("seq");
        long computeNanos = r.i64("computeNanos");
        int count = r.countOrNull("block reports", MIN_BLOCK);
        if (count < 0) return new ShardReport(shard, seq, null, computeNanos);
        List<BlockReport> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            r.at("block report", i);
            int block = r.i32("block");
            double[] partial = r.doubles("partial");
            double[] x = r.doubles("x");
            double[] m = r.doubles("m");
            double[] metrics = r.doubles("metrics");
            double massBefore = r.f64("massBefore");
            double massAfter = r.f64("massAfter");
            int diverged = r.i32("diverged");
            String problem = r.string("problem");
            double[] s = r.doubles("s");
            blocks.add(new BlockReport(block, partial, x, m, metrics, massBefore, massAfter, diverged, problem, s));
        }
        return new ShardReport(shard, seq, Collections.unmodifiableList(blocks), computeNanos);
    }
}
