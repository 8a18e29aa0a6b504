package lmo.actor.cluster.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Body of a {@link BlockStates} (tag 32 in {@link Wire}):
 *
 * <pre>
 * i64 epoch  i32 shard  i64 startStep  string? scenarioYaml  i32 count, then per block:
 *   i32 population  i32 index  i64 firstId  i32 dim  doubles x  doubles m  i32 solverWidth  doubles s
 *   (x, m and s never null)
 * </pre>
 *
 * The decoded list is unmodifiable; each block is checked by {@link BlockState}'s constructor
 * ({@code x.length == m.length * dim}).
 */
final class BlockStatesCodec {
    /** The smallest encoded block: no particles. */
    private static final int MIN_BLOCK = 4 + 4 + 8 + 4 + 4 + 4 + 4 + 4;

    private BlockStatesCodec() {}

    static long size(BlockStates s) {
        long n = 8 + 4 + 8 + WireWriter.sizeString(s.scenarioYaml()) + 4;
        for (BlockState b : s.blocks()) {
            n += 4 + 4 + 8 + 4 + WireWriter.sizeDoubles(b.x()) + WireWriter.sizeDoubles(b.m()) + 4
                    + WireWriter.sizeDoubles(b.s());
        }
        return n;
    }

    static void write(WireWriter w, BlockStates s) {
        w.i64(s.epoch());
        w.i32(s.shard());
        w.i64(s.startStep());
        w.string(s.scenarioYaml());
        w.i32(s.blocks().size());
        for (BlockState b : s.blocks()) {
            w.i32(b.population());
            w.i32(b.index());
            w.i64(b.firstId());
            w.i32(b.dim());
            w.doubles(b.x());
            w.doubles(b.m());
            w.i32(b.solverWidth());
            w.doubles(b.s());
        }
    }

    static BlockStates read(WireReader r) {
        long epoch = r.i64("epoch");
        int shard = r.i32("shard");
        long startStep = r.i64("startStep");
        String yaml = r.string("scenarioYaml");
        int count = r.count("blocks", MIN_BLOCK);
        List<BlockState> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            r.at("block", i);
            int population = r.i32("population");
            int index = r.i32("index");
            long firstId = r.i64("firstId");
            int dim = r.i32("dim");
            double[] x = r.doublesNonNull("x");
            double[] m = r.doublesNonNull("m");
            int solverWidth = r.i32("solverWidth");
            double[] s = r.doublesNonNull("s");
            try {
                blocks.add(new BlockState(population, index, firstId, dim, x, m, solverWidth, s));
            } catch (IllegalArgumentException e) {
                throw r.bad(e.getMessage());
            }
        }
        return new BlockStates(epoch, shard, startStep, yaml, blocks);
    }
}
