package lmo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.bench.Figure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table gives each figure's median, its spread over the runs and, with peers, the peer's figure and peer time /
 * lmo time for times only; the data file has the same rows with full precision, a missing number empty or null.
 */
class BenchTableTest {
    @TempDir Path dir;

    private static final Figure TIME = new Figure("W4", 4096, "msPerStep", "ms per step (median of 10)", "ms", Kind.TIME,
            new double[] {52.0, 48.0, 50.0});
    private static final Figure RATE = Figure.of("W4", 4096, "pairEvaluationsPerSecond", "pair evaluations per s", "1/s",
            Kind.RATE, 6.7e8);
    private static final Figure VALUE = Figure.of("W4", 4096, "mmd2Init", "MMD² at step 0", "", Kind.VALUE, 0.11512978806875881);

    private static List<BenchTable.Row> rows() {
        return List.of(new BenchTable.Row("N", TIME, 0.012, new Peers.Peer(130.4, "numpy_f64 (block 16)", 0.003)),
                new BenchTable.Row("N", RATE, 0.012, new Peers.Peer(2.574e8, "numpy_f64 (block 16)", 0.003)),
                new BenchTable.Row("N", VALUE, Double.NaN, null));
    }

    @Test
    void theMedianTheSpreadAndPeerTimeOverLmoTimeForTimesOnly() {
        String[] lines = BenchTable.markdown(rows(), true).split("\n");
        assertEquals("| workload | size | figure | lmo | lmo min–max | other CPU (lmo) | peer | peer row | peer / lmo"
                + " | other CPU (peer) |", lines[0]);
        assertEquals("| W4 | N=4096 | ms per step (median of 10) | 50 | 48–52 | 0.012 | 130.4 | numpy_f64 (block 16) | 2.608"
                + " | 0.003 |", lines[2]);
        assertEquals("| W4 | N=4096 | pair evaluations per s | 6.700e+08 |  | 0.012 | 2.574e+08 | numpy_f64 (block 16) |  "
                + "| 0.003 |", lines[3]);
        assertEquals("| W4 | N=4096 | MMD² at step 0 | 0.115130 |  | – | – |  |  |  |", lines[4]);
        assertEquals(5, lines.length);
    }

    @Test
    void withoutPeersThereAreNoPeerColumns() {
        String head = BenchTable.markdown(rows(), false).lines().findFirst().orElseThrow();
        assertEquals("| workload | size | figure | lmo | lmo min–max | other CPU |", head);
    }

    @Test
    void numbersKeepFourDigitsForTimesSixForValues() {
        assertEquals("87", BenchTable.number(87, Kind.VALUE));
        assertEquals("0.115130", BenchTable.number(0.11512978806875881, Kind.VALUE));
        assertEquals("1.5", BenchTable.number(1.5, Kind.TIME));
        assertEquals("1.234", BenchTable.number(1.23449, Kind.TIME));
        assertEquals("9.491e-07", BenchTable.number(9.491176e-7, Kind.TIME));
        assertEquals("2.82063e-05", BenchTable.number(2.820634163433619e-05, Kind.VALUE));
        assertEquals("–", BenchTable.number(Double.NaN, Kind.TIME));
    }

    @Test
    void theRowsGoToJsonLinesWithNullForAMissingNumber() throws IOException {
        Path file = dir.resolve("bench.jsonl");
        BenchTable.write(file, rows());
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(BenchTable.COLUMNS, iterableToList(first.fieldNames()));
        assertEquals(50.0, first.get("value").asDouble());
        assertEquals(3, first.get("runs").asInt());
        assertEquals(130.4 / 50.0, first.get("ratio").asDouble(), 1e-15);
        JsonNode last = new ObjectMapper().readTree(lines.get(2));
        assertTrue(last.get("peer").isNull() && last.get("otherCpu").isNull() && last.get("ratio").isNull());
        assertEquals(0.003, first.get("peerOtherCpu").asDouble());
        assertEquals(0.11512978806875881, last.get("value").asDouble(), "full precision");
    }

    @Test
    void theRowsGoToCsvWithEmptyCellsForAMissingNumber() throws IOException {
        Path file = dir.resolve("bench.csv");
        BenchTable.write(file, rows());
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", BenchTable.COLUMNS), lines.get(0));
        assertEquals("\"W4\",4096,\"mmd2Init\",\"MMD² at step 0\",\"\",0.11512978806875881,0.11512978806875881,"
                + "0.11512978806875881,1,,,\"\",,", lines.get(3));
    }

    @Test
    void onlyCsvAndJsonFileNamesAreTaken() {
        assertEquals(null, BenchTable.formatProblem(Path.of("a/b.CSV")));
        assertEquals(null, BenchTable.formatProblem(Path.of("b.json")));
        assertEquals("--out b.txt: expected a file name ending in .csv, .jsonl or .json", BenchTable.formatProblem(Path.of("b.txt")));
    }

    private static List<String> iterableToList(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
