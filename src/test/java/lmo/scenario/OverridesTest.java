package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import lmo.family.GaussianKernel;
import lmo.family.MmdSpec;

/** {@code --set key.path=value} overrides: values read as YAML, applied in order before validation, errors name them. */
class OverridesTest {
    @TempDir Path dir;
    Path file;

    @BeforeEach
    void writeScenario() {
        file = Scenarios.write(dir, "x.yaml", Scenarios.TORUS);
    }

    @Test
    void anOverrideReplacesANumberAList() throws Exception {
        Scenario s = Scenarios.load(file, "dynamics.stepSize=0.02", "populations.p.init.mean=[0.3]");
        assertEquals(new WassersteinSpec(0.02), s.dynamics());
        assertArrayEquals(new double[] {0.3}, ((GaussianInit) s.populations().get("p").init()).mean());
    }

    @Test
    void overridesApplyInOrder() throws Exception {
        assertEquals(7, Scenarios.load(file, "seed=3", "seed=7").seed());
    }

    @Test
    void anOverrideCreatesAbsentKeysAndSections() throws Exception {
        Scenario s = Scenarios.load(file, "engine.shards=3", "output.snapshotEvery=5", "description='a b: c'");
        assertEquals(new EngineSpec(3, 0), s.engine());
        assertEquals(5, s.output().snapshotEvery());
        assertEquals("a b: c", s.description());
    }

    @Test
    void theValueIsYamlSoAStringWithAColonMustBeQuoted() {
        assertEquals("--set description: expected a string, got a mapping", Scenarios.error(file, "description=a b: c"));
    }

    @Test
    void aMappingValueReplacesTheWholeMapping() throws Exception {
        Path euclid = Scenarios.write(dir, "e.yaml", Scenarios.TORUS.replace("type: torus", "type: euclidean"));
        Scenario s = Scenarios.load(euclid, "model.kernel={type: gaussian, sigma: 0.1}",
                "model.target={type: samples, count: 50, from: {type: uniform}}");
        MmdSpec mmd = (MmdSpec) s.model();
        assertEquals(new GaussianKernel(0.1), mmd.kernel());
        assertEquals(new SamplesTarget(null, new UniformInit(new double[] {0}, new double[] {1}), 50), mmd.target());
    }

    @Test
    void overridingATypeKeepsTheOtherKeysAndValidatesThemAgainstTheNewType() {
        assertEquals(file + ":10:27: model.kernel.s: unknown key; expected one of: type, sigma",
                Scenarios.error(file, "model.kernel.type=gaussian"));
    }

    @Test
    void withOnePopulationAPathMayStartAtThePopulation() throws Exception {
        Scenario s = Scenarios.load(file, "init.mean=[0.25]", "count=64");
        assertArrayEquals(new double[] {0.25}, ((GaussianInit) s.populations().get("p").init()).mean());
        assertEquals(64, s.populations().get("p").count());
    }

    @Test
    void errorsInAnOverriddenValueNameTheOverride() {
        assertEquals("--set dynamics.stepSize: must be > 0, got -0.1", Scenarios.error(file, "dynamics.stepSize=-0.1"));
        assertEquals("--set engine.shards: expected an integer, got 'many'", Scenarios.error(file, "engine.shards=many"));
        assertEquals("--set model.kernel.sigma: must be > 0, got 0",
                Scenarios.error(Scenarios.write(dir, "e.yaml", Scenarios.TORUS.replace("type: torus", "type: euclidean")),
                        "model.kernel={type: gaussian, sigma: 0}"));
        assertEquals("--set populations.p.init.mean[0]: expected a number, got 'x'",
                Scenarios.error(file, "populations.p.init.mean=[x]"));
    }

    @Test
    void anOverrideOfAnUnknownKeyIsAnUnknownKey() {
        assertEquals("--set dynamics.foo: unknown key; expected one of: type, stepSize, scaleStepByInit",
                Scenarios.error(file, "dynamics.foo=1"));
        assertEquals("--set dynamics.stepsize: unknown key; expected one of: type, stepSize, scaleStepByInit; did you mean 'stepSize'?",
                Scenarios.error(file, "dynamics.stepsize=1"));
    }

    @Test
    void malformedOverridesAreRejected() {
        assertEquals("--set foo: expected key.path=value", Scenarios.error(file, "foo"));
        assertEquals("--set =3: expected key.path=value", Scenarios.error(file, "=3"));
        assertEquals("--set a..b=3: expected key.path=value", Scenarios.error(file, "a..b=3"));
        assertEquals("--set steps.x: cannot set a key inside steps, which is '10', not a mapping",
                Scenarios.error(file, "steps.x=3"));
        assertEquals("--set model.kernel: syntax error: expected ',' or '}', but got <stream end> (while parsing a flow mapping)",
                Scenarios.error(file, "model.kernel={type: gaussian"));
    }

    @Test
    void theFileIsCheckedBeforeTheOverrides() {
        Path bad = Scenarios.write(dir, "bad.yaml", Scenarios.TORUS + "bad: [\n");
        String m = Scenarios.error(bad, "dynamics.stepSize=-1");
        assertTrue(m.startsWith(bad + ":16:1: syntax error: "), m);
    }
}
