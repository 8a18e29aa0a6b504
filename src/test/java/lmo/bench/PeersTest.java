package lmo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lmo.bench.Figure.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer of each lmo figure comes from the peers' raw.jsonl as the shared scripts write it: POT's dense Sinkhorn
 * for W1 (its time to the tolerance is its set-up plus lmo's iterations at its per-iteration time), the fastest NumPy
 * float64 row for W3, NumPy float64 for W4; a line that is not a result object is refused with its line number.
 */
class PeersTest {
    @TempDir Path dir;

    /** Lines shaped as run_all.sh writes them (fields cut to those read, plus a few others). */
    static final String RAW = String.join("\n",
            "{\"workload\": \"W5_machine_peak\", \"env\": {}, \"results\": [{\"kind\": \"matmul\"}]}",
            "{\"workload\": \"W1_sinkhorn\", \"env\": {\"ot\": \"0.8.2\"}, \"results\": ["
                    + "{\"n\": 1000, \"method\": \"pot_sinkhorn\", \"iters\": 200, \"median_s\": 0.06, \"setup_s\": 0.008,"
                    + " \"per_iter_ms\": 0.26, \"marg_err_cols_l1\": 4e-14, \"other_cpu_frac\": 0.008},"
                    + "{\"n\": 1000, \"method\": \"pot_sinkhorn_log\", \"iters\": 200, \"setup_s\": 0.004, \"per_iter_ms\": 0.1}]}",
            "",
            "{\"workload\": \"W3_meanfield_relu\", \"env\": {}, \"results\": ["
                    + "{\"N\": 1000, \"impl\": \"numpy\", \"dtype\": \"f64\", \"steps\": 1000, \"per_step_ms\": 14.2,"
                    + " \"loss_init\": 0.011143, \"loss_final\": 2.82e-5},"
                    + "{\"N\": 1000, \"impl\": \"numpy\", \"dtype\": \"f32\", \"steps\": 1000, \"per_step_ms\": 7.4,"
                    + " \"loss_init\": 0.011143, \"loss_final\": 2.82e-5},"
                    + "{\"N\": 1000, \"impl\": \"numpy_inplace\", \"dtype\": \"f64\", \"steps\": 100, \"per_step_ms\": 12.0,"
                    + " \"loss_init\": 0.011143, \"loss_final\": 1.7e-4}]}",
            "{\"workload\": \"W4_mmd_flow\", \"env\": {}, \"results\": ["
                    + "{\"N\": 4096, \"impl\": \"numpy_f64\", \"block\": 16, \"steps\": 10, \"per_step_ms\": 130.4,"
                    + " \"pair_evals_per_s\": 2.574e8, \"grad0_rms\": 0.4673, \"mmd2_init\": 0.11513, \"mmd2_final\": 0.040151},"
                    + "{\"N\": 4096, \"impl\": \"numpy_f32\", \"block\": 16, \"steps\": 10, \"per_step_ms\": 75.7}]}");

    private Peers peers() throws IOException {
        Path raw = dir.resolve("raw.jsonl");
        Files.writeString(raw, RAW);
        return Peers.read(raw);
    }

    private static Figure fig(String workload, int size, String key, Kind kind) {
        return Figure.of(workload, size, key, key, "", kind, 1.0);
    }

    @Test
    void w1ComparesWithPotsDenseSinkhornAndItsSetupPlusLmosIterations() throws IOException {
        Peers p = peers();
        Figure iterations = Figure.of("W1", 1000, "iterationsToTolerance", "", "", Kind.VALUE, 87);
        Figure total = fig("W1", 1000, "secondsToTolerance", Kind.TIME);
        Peers.Peer t = p.of(total, List.of(total, iterations));
        assertEquals(0.008 + 87 * 0.26e-3, t.value(), 1e-15);
        assertEquals("pot_sinkhorn (setup + 87 it.)", t.row());
        Figure plain = Figure.of("W1", 1000, "plainIterationsToTolerance", "", "", Kind.VALUE, 89);
        assertEquals(0.008 + 89 * 0.26e-3, p.of(total, List.of(total, iterations, plain)).value(), 1e-15,
                "counted with plain Sinkhorn's iterations (POT's) when the bench ran them");
        Peers.Peer it = p.of(fig("W1", 1000, "msPerIteration", Kind.TIME), List.of());
        assertEquals(0.26, it.value(), "pot_sinkhorn, not the (here faster) sinkhorn_log row");
        assertEquals("pot_sinkhorn (200 it.)", it.row());
        assertEquals(0.008, it.otherCpu(), "the row's other_cpu_frac");
        assertNull(p.of(fig("W1", 1000, "marginalError", Kind.VALUE), List.of()));
        assertNull(p.of(fig("W1", 4000, "msPerIteration", Kind.TIME), List.of()), "no row of that size");
    }

    @Test
    void w3ComparesWithTheFastestNumpyFloat64RowAndItsLossOfTheSameSteps() throws IOException {
        Peers p = peers();
        Peers.Peer step = p.of(fig("W3", 1000, "msPerStep", Kind.TIME), List.of());
        assertEquals(12.0, step.value());
        assertEquals("numpy_inplace f64", step.row());
        assertEquals(0.011143, p.of(fig("W3", 1000, "lossInit", Kind.VALUE), List.of()).value());
        Peers.Peer loss = p.of(fig("W3", 1000, "lossFinal", Kind.VALUE), List.of());
        assertEquals(2.82e-5, loss.value(), "the 1000-step row, as lmo runs 1000 steps at N = 1000");
        assertEquals("numpy f64 (1000 steps)", loss.row());
    }

    @Test
    void w4ComparesWithNumpyFloat64() throws IOException {
        Peers p = peers();
        assertEquals(130.4, p.of(fig("W4", 4096, "msPerStep", Kind.TIME), List.of()).value());
        assertEquals("numpy_f64 (block 16)", p.of(fig("W4", 4096, "msPerStep", Kind.TIME), List.of()).row());
        assertEquals(2.574e8, p.of(fig("W4", 4096, "pairEvaluationsPerSecond", Kind.RATE), List.of()).value());
        assertEquals(0.4673, p.of(fig("W4", 4096, "grad0Rms", Kind.VALUE), List.of()).value());
        assertEquals(0.11513, p.of(fig("W4", 4096, "mmd2Init", Kind.VALUE), List.of()).value());
        assertEquals(0.040151, p.of(fig("W4", 4096, "mmd2Final", Kind.VALUE), List.of()).value());
    }

    @Test
    void otherWorkloadsAreReadButNeverMatched() throws IOException {
        assertEquals(8, peers().size());
        assertNull(Peers.NONE.of(fig("W4", 4096, "msPerStep", Kind.TIME), List.of()));
    }

    @Test
    void aLineThatIsNotAResultObjectIsRefusedWithItsLineNumber() throws IOException {
        Path raw = dir.resolve("bad.jsonl");
        Files.writeString(raw, RAW.lines().findFirst().orElseThrow() + "\n{\"workload\": \"W1_sinkhorn\"}\n");
        String m = assertThrows(IOException.class, () -> Peers.read(raw)).getMessage();
        assertEquals(raw + ":2: expected an object with \"workload\" and \"results\" (a line of the peers' raw.jsonl)", m);
        Files.writeString(raw, "\n\nnot json\n");
        m = assertThrows(IOException.class, () -> Peers.read(raw)).getMessage();
        assertTrue(m.startsWith(raw + ":3: not JSON: "), m);
    }
}
