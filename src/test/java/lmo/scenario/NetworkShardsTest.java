package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import lmo.actor.ActorEngine;
import lmo.engine.LocalEngine;
import lmo.engine.Recorder;
import lmo.engine.RunOutcome;
import lmo.engine.Simulation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shard-count invariance of {@code stateSha256} through scenario files, for every readout (samples and the population
 * loss), without and with Langevin noise: the local engine and the actor engine with 1, 3 and 8 shards over blocks of
 * 8 neurons end in the same state.
 */
class NetworkShardsTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}, noise {2}")
    @CsvSource(delimiterString = " @@ ", value = {
        "coordinate: tanh, logistic, gaussian inputs, label noise, scaled symmetric init @@ space: {type: sphere, dim: 5}=space: {type: euclidean, dim: 5}|init: {type: uniform}=init: {type: gaussian, mean: [0, 0, 0, 0, 0], std: 0.5, scale: 2, symmetric: true}|readout: cone=readout: coordinate\\n  activation: tanh\\n  loss: logistic\\n  regularization: 0.01|{type: sphere, dim: 3, count: 50}={type: gaussian, dim: 3, count: 50}\\n    noise: 0.2|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 0.5} @@ false",
        "coordinate: tanh, logistic, gaussian inputs, label noise, scaled symmetric init @@ space: {type: sphere, dim: 5}=space: {type: euclidean, dim: 5}|init: {type: uniform}=init: {type: gaussian, mean: [0, 0, 0, 0, 0], std: 0.5, scale: 2, symmetric: true}|readout: cone=readout: coordinate\\n  activation: tanh\\n  loss: logistic\\n  regularization: 0.01|{type: sphere, dim: 3, count: 50}={type: gaussian, dim: 3, count: 50}\\n    noise: 0.2|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 0.5} @@ true",
        "coordinate lifting, population loss @@ space: {type: sphere, dim: 5}=space: {type: euclidean, dim: 4}|init: {type: uniform}=init: {type: gaussian, mean: [0, 0, 0, 0], std: 0.5}|readout: cone=readout: coordinate\\n  regularization: 0.05|bias: true=bias: false|, count: 50}=}|    test: {count: 20}\\n=    population: true\\n|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 0.5} @@ true",
        "cone, linear mass update @@ massStepSize: 2}=massStepSize: 2, massUpdate: linear} @@ false",
        "cone, linear mass update @@ massStepSize: 2}=massStepSize: 2, massUpdate: linear} @@ true",
        "mass, balanced signs @@ dim: 5}=dim: 4}|readout: cone=readout: mass\\n  signs: balanced\\n  regularization: 0.01 @@ false",
        "mass, balanced signs @@ dim: 5}=dim: 4}|readout: cone=readout: mass\\n  signs: balanced\\n  regularization: 0.01 @@ true",
        "mass on the circle, population loss @@ dim: 5}=dim: 2}|init: {type: uniform}=init: {type: grid}|readout: cone=readout: mass|bias: true=bias: false|{type: sphere, dim: 3, count: 50}={type: sphere, dim: 2}|{neurons: 2, seed: 8}={type: circle, neurons: 60, density: {modes: [{k: [2], amplitude: 0.1}]}}\\n    population: true|    test: {count: 20}\\n=|massStepSize: 2}=massStepSize: 2, conserveMass: false} @@ false",
        "mass on the circle, population loss @@ dim: 5}=dim: 2}|init: {type: uniform}=init: {type: grid}|readout: cone=readout: mass|bias: true=bias: false|{type: sphere, dim: 3, count: 50}={type: sphere, dim: 2}|{neurons: 2, seed: 8}={type: circle, neurons: 60, density: {modes: [{k: [2], amplitude: 0.1}]}}\\n    population: true|    test: {count: 20}\\n=|massStepSize: 2}=massStepSize: 2, conserveMass: false} @@ true",
        "bilevel on samples @@ dim: 5}=dim: 4}|readout: cone=readout: bilevel\\n  regularization: 0.1|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 0.5} @@ false",
        "bilevel on samples @@ dim: 5}=dim: 4}|readout: cone=readout: bilevel\\n  regularization: 0.1|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 0.5} @@ true",
        "bilevel, population loss @@ dim: 5}=dim: 3}|readout: cone=readout: bilevel\\n  regularization: 0.1|bias: true=bias: false|, count: 50}=}|    test: {count: 20}\\n=    population: true\\n|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 1} @@ false",
        "bilevel, population loss @@ dim: 5}=dim: 3}|readout: cone=readout: bilevel\\n  regularization: 0.1|bias: true=bias: false|, count: 50}=}|    test: {count: 20}\\n=    population: true\\n|{type: wfr, stepSize: 0.5, massStepSize: 2}={type: wasserstein, stepSize: 1} @@ true",
    })
    void everyReadoutGivesTheSameStateOnAnyNumberOfShards(String name, String edits, boolean noise) throws Exception {
        String text = NetworkKeysTest.edit(NetworkKeysTest.NET.replace("count: 40", "count: 60").replace("steps: 6", "steps: 8"), edits)
                + "engine: {blockSize: 8}\n";
        if (noise) {
            text = text.replaceAll("dynamics: \\{type: (wasserstein|wfr), stepSize: ([0-9.]+).*}",
                    "dynamics: {type: langevin, stepSize: $2, temperature: {type: geometric, initial: 1e-2, factor: 2, stageSteps: 3}}");
        }
        Scenario s = Scenarios.load(Scenarios.write(dir, "s.yaml", text));
        assertEquals(noise, s.dynamics() instanceof LangevinSpec, text);
        Simulation sim = Assembler.build(s);
        RunOutcome ref = LocalEngine.run(sim, new Recorder());
        assertEquals(RunOutcome.Status.COMPLETED, ref.status(), name + ": " + ref.message());
        for (int shards : new int[] {1, 3, 8}) {
            RunOutcome out = ActorEngine.run(sim.withShards(shards), new Recorder());
            assertEquals(ref.stateSha256(), out.stateSha256(), name + ", " + shards + " shards");
            assertEquals(Math.min(shards, 8), out.shards(), "60 neurons in 8 blocks");
        }
    }
}
