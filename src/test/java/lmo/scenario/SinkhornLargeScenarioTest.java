package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lmo.engine.Simulation;
import lmo.model.transport.OtModel;
import org.junit.jupiter.api.Test;

/**
 * {@code scenarios/sinkhorn-large.yaml} validates and binds to W1 at n = m = 200000 (epsilon 0.01 on the
 * max-normalised cost, 50 iterations), with blocks whose LOG_SUM_EXP partials (2m doubles each, all kept until the
 * fold) fit in -Xmx2g with room to spare. Assembling it computes the cost's range without visiting the 4e10 pairs.
 */
class SinkhornLargeScenarioTest {

    @Test
    void loadsAndBindsTheLargeW1Problem() throws Exception {
        Scenario s = Scenarios.load(Path.of("scenarios/sinkhorn-large.yaml"));
        assertEquals(50, s.steps());
        Simulation sim = Assembler.build(s);
        OtModel model = assertInstanceOf(OtModel.class, sim.model());
        int n = sim.populations().get(0).count(), m = model.cost().m();
        assertEquals(200_000, n);
        assertEquals(200_000, m);
        assertEquals(2, model.cost().dimension());
        assertEquals(100, model.schedule().beta(0), 1e-12, "epsilon 0.01");
        assertEquals(1, model.cost().max(), 0.0, "divided by its max");
        long blocks = (n + sim.blockSize() - 1) / sim.blockSize();
        assertTrue(blocks * 2L * m * Double.BYTES < 256L << 20, blocks + " blocks of partials");
    }
}
