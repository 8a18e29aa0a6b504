package lmo.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lmo.io.RunLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep.csv reads back as written: quoted values with commas and quotes, missing values, pending and failed points. */
class SweepTableTest {
    @TempDir Path dir;

    @Test
    void aTableReadsBackAsWritten() throws Exception {
        SweepTable t = new SweepTable(List.of("init.mean", "dynamics.stepSize"), List.of(
                new SweepTable.Row(0, "0-mean=0.3_stepSize=0.01", List.of("[0.3, 0.5]", "0.01"), SweepTable.COMPLETED, 0,
                        Map.of("energy", 1.5e-7), 0.25, "ab12", ""),
                new SweepTable.Row(1, "1-mean=0.3_stepSize=1e10", List.of("[0.3, 0.5]", "1e10"), SweepTable.FAILED, 3,
                        Map.of(), 0.125, "", "diverged: step 0, \"particles\"\nparticle 3"),
                new SweepTable.Row(2, "2", List.of("x", "y"), SweepTable.PENDING, -1, Map.of(), Double.NaN, "", "")));
        Path csv = dir.resolve(RunLayout.SWEEP);
        t.write(csv);
        assertEquals("point,dir,init.mean,dynamics.stepSize,status,exitCode,energy,wallSeconds,stateSha256,error",
                Files.readAllLines(csv).get(0));
        assertEquals("0,0-mean=0.3_stepSize=0.01,\"[0.3, 0.5]\",0.01,completed,0,1.5E-7,0.250,ab12,", Files.readAllLines(csv).get(1));
        SweepTable back = SweepTable.read(csv);
        assertEquals(t.params(), back.params());
        assertEquals(t.rows().get(0), back.rows().get(0));
        assertEquals(t.rows().get(1), back.rows().get(1));
        assertEquals(SweepTable.PENDING, back.rows().get(2).status());
        assertEquals(-1, back.rows().get(2).exitCode());
    }
}
