package lmo.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lmo.dynamics.FisherRao;
import lmo.dynamics.Gda;
import lmo.dynamics.Langevin;
import lmo.dynamics.Schedule;
import lmo.dynamics.Wasserstein;
import lmo.dynamics.WassersteinFisherRao;
import org.junit.jupiter.api.Test;

/** Which continuous flow each dynamics discretises, in the time of its metrics.csv. */
class FlowOfTest {
    @Test
    void ratesOfEachDynamics() {
        assertEquals(new FlowOf(ConicField.Mode.CONIC, 40, 1, 1e-3), FlowOf.of(new WassersteinFisherRao(1e-3, 4e-2, true)));
        assertEquals(new FlowOf(ConicField.Mode.POSITIONS, 1, 1, 0.01), FlowOf.of(new Wasserstein(0.01)));
        assertEquals(new FlowOf(ConicField.Mode.WEIGHTS, 1, 1, 0.2), FlowOf.of(new FisherRao(0.2, true)));
        assertEquals(ConicField.Mode.WEIGHTS, FlowOf.of(new Wasserstein(0.01)).withMode(ConicField.Mode.WEIGHTS).mode());
        LinearAnalysis.Scheme eg = LinearAnalysis.Scheme.EXTRAGRADIENT, euler = LinearAnalysis.Scheme.EULER;
        assertEquals(new FlowOf(ConicField.Mode.CONIC, 40, 1, 1e-3, eg),
                FlowOf.of(new Gda(Gda.Method.CP_MP, Gda.Update.CONIC, Gda.Players.SIMULTANEOUS, 1e-3, 4e-2)));
        assertEquals(new FlowOf(ConicField.Mode.WEIGHTS, 1, 1, 4e-2, euler),
                FlowOf.of(new Gda(Gda.Method.CP_MDA, Gda.Update.WEIGHTS, Gda.Players.ALTERNATING, 1e-3, 4e-2)));
        assertEquals(new FlowOf(ConicField.Mode.POSITIONS, 1, 1, 1e-3, eg),
                FlowOf.of(new Gda(Gda.Method.CP_MP, Gda.Update.POSITIONS, Gda.Players.SIMULTANEOUS, 1e-3, 1e-3)));
        assertThrows(IllegalArgumentException.class, () -> FlowOf.of(new Langevin(0.1, Schedule.constant(1))));
    }
}
