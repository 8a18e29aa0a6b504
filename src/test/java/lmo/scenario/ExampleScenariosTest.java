package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import lmo.family.KernelSpec;
import lmo.family.MmdSpec;
import lmo.family.SobolevKernel;

/** The documented example scenarios load as written, with every default resolved. */
class ExampleScenariosTest {

    @Test
    void sobolevTorusLoadsWithItsValuesAndDefaults() throws Exception {
        Scenario s = Scenarios.load(Scenarios.resource("sobolev-torus-s1.yaml"));
        assertEquals("sobolev-torus-s1", s.name());
        assertTrue(s.description().startsWith("Wasserstein flow of the H^-1 discrepancy"));
        assertEquals(7, s.seed());
        assertEquals(400, s.steps());
        PopulationSpec p = s.populations().get("particles");
        assertEquals(new PopulationSpec("particles", 1000, new SpaceSpec("torus", 1),
                new GaussianInit(new double[] {0.5}, new double[] {0.05}), 1.0), p);
        assertEquals(new MmdSpec("particles", new SobolevKernel(1, 64, "exact"), new UniformTarget()), s.model());
        assertEquals(new WassersteinSpec(0.01), s.dynamics());
        assertEquals(new EngineSpec(4, 0), s.engine());
        assertEquals(new OutputSpec(10, 0), s.output());
        assertEquals(new CheckpointSpec(0), s.checkpoint(), "no checkpoints unless asked");
    }

    @Test
    void singleModeLoadsWithQuantilesFourierAndZeroTemperature() throws Exception {
        Scenario s = Scenarios.load(Scenarios.resource("single-mode.yaml"));
        assertEquals("single-mode", s.name());
        assertEquals("", s.description());
        assertEquals(0, s.seed());
        QuantilesInit init = (QuantilesInit) s.populations().get("particles").init();
        assertEquals(List.of(new CosineMode(new int[] {1}, 0.001)), init.density().modes());
        MmdSpec mmd = (MmdSpec) s.model();
        assertEquals(new SobolevKernel(1.5, 64, "fourier"), mmd.kernel());
        assertEquals(new CosineTarget(new CosineDensitySpec(List.of())), mmd.target());
        assertEquals(new LangevinSpec(1.0, 0.0), s.dynamics());
        assertEquals(new EngineSpec(Runtime.getRuntime().availableProcessors(), 0), s.engine());
        assertEquals(new OutputSpec(1, 0), s.output(), "every defaults to max(1, steps/100)");
    }

    @Test
    void defaultsOfOptionalKeys(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Scenario s = Scenarios.load(Scenarios.write(dir, "my-run.yaml", Scenarios.TORUS
                .replace("name: t\n", "").replace("steps: 10", "steps: 1234")
                .replace("kernel: {type: sobolev, s: 1}", "kernel: {type: sobolev}")));
        assertEquals("my-run", s.name(), "name defaults to the file name without extension");
        assertEquals(12, s.output().every());
        assertEquals(new SobolevKernel(1, 64, "exact"), ((MmdSpec) s.model()).kernel());
        assertArrayEquals(new double[] {0.05}, ((GaussianInit) s.populations().get("p").init()).std(),
                "a bare std is expanded to one entry per coordinate");
    }

    @Test
    void sobolevDefaultsDependOnDimensionAndS(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String twoD = Scenarios.TORUS.replace("dim: 1", "dim: 2").replace("mean: [0.5]", "mean: [0.5, 0.5]");
        assertEquals(new SobolevKernel(1, 16, "fourier"), kernel(dir, twoD));
        assertEquals(new SobolevKernel(2, 6, "fourier"), kernel(dir, Scenarios.TORUS.replace("dim: 1", "dim: 3")
                .replace("mean: [0.5]", "mean: [0.5, 0.5, 0.5]").replace("s: 1}", "s: 2}")));
        assertEquals(new SobolevKernel(10, 64, "exact"), kernel(dir, Scenarios.TORUS.replace("s: 1}", "s: 10}")));
        assertEquals(new SobolevKernel(11, 64, "fourier"), kernel(dir, Scenarios.TORUS.replace("s: 1}", "s: 11}")));
        // the exact (Bernoulli) kernel stops at s = 10: asking for more is refused where it is asked, not at build
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> kernel(dir, Scenarios.TORUS.replace("s: 1}", "s: 12, modes: 8, method: exact}")));
        assertTrue(e.getMessage().endsWith(
                "model.kernel.method: exact needs an integer s in 1..10, got s = 12; use fourier or auto"), e.getMessage());
    }

    private static KernelSpec kernel(java.nio.file.Path dir, String text) throws ScenarioException {
        return ((MmdSpec) Scenarios.load(Scenarios.write(dir, "k.yaml", text)).model()).kernel();
    }
}
