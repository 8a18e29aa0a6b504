package lmo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lmo.particles.Block;
import lmo.particles.Gathered;
import org.junit.jupiter.api.Test;

/** The even selection by id: {@code floor(i * count / K')}, the same whether picked block by block or from a whole state. */
class PicksTest {

    @Test
    void blocksPickExactlyTheirShareOfTheIdsInOrder() {
        int[][] cases = {{300, 7, 32}, {300, 1000, 32}, {1, 5, 1}, {1000, 1000, 7}, {4500, 2000, 700}, {10, 3, 10},
                {2_000_000_000, 1000, 300_000_000}};
        for (int[] c : cases) {
            int count = c[0], take = Picks.take(c[0], c[1]), size = c[2];
            List<Long> fromBlocks = new ArrayList<>();
            for (long first = 0; first < count; first += size) {
                int n = (int) Math.min(size, count - first);
                long from = Picks.firstPickFrom(first, count, take), to = Picks.firstPickFrom(first + n, count, take);
                for (long i = from; i < to; i++) {
                    long id = Picks.id(i, count, take);
                    assertEquals(true, id >= first && id < first + n, "pick " + i + " in its block");
                    fromBlocks.add(id);
                }
            }
            assertEquals(take, fromBlocks.size(), count + " / " + c[1]);
            for (int i = 0; i < take; i++) assertEquals((long) i * count / take, fromBlocks.get(i));
        }
    }

    @Test
    void aBlockCopiesThePickedPositionsAndMassesScaled() {
        int count = 10, dim = 2;
        double[] x = new double[4 * dim];
        double[] m = new double[4];
        for (int j = 0; j < 4; j++) { // ids 4..7
            x[j * dim] = 4 + j;
            x[j * dim + 1] = -(4 + j);
            m[j] = 1 + j;
        }
        BlockReport r = Picks.pick(new Block(0, 1, 4, dim, x, m), count, 3, 0.5); // ids 0, 3, 6
        assertArrayEquals(new double[] {6, -6}, r.x());
        assertArrayEquals(new double[] {1.5}, r.m());
        Gathered whole = new Gathered(new double[][] {java.util.stream.IntStream.range(0, 20).mapToDouble(i -> i / 2).toArray()},
                new double[][] {java.util.stream.IntStream.range(0, 10).mapToDouble(i -> i).toArray()}, new int[] {2});
        Gathered s = Picks.select(whole, new int[] {3});
        assertArrayEquals(new double[] {0, 0, 3, 3, 6, 6}, s.x()[0]);
        assertArrayEquals(new double[] {0, 3, 6}, s.m()[0]);
    }
}
