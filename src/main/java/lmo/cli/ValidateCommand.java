package lmo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmo validate FILE}: checks a scenario and prints its resolved form; runs nothing, writes nothing. The model
 * is built only for an asynchronous {@code engine.sync}, whose refusals and warnings depend on it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a scenario file (exit 0 if valid, 2 if not); print it resolved.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario file (.yaml or .json)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY.PATH=VALUE", description = "override a key (repeatable); VALUE is YAML")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-q", "--quiet"}, description = "print nothing when valid")
    boolean quiet;

    @picocli.CommandLine.Mixin
    JarOptions jars = new JarOptions();

    @Override
    public Integer call() {
        String problem = jars.apply();
        if (problem != null) {
            System.err.println(problem);
            return Main.BAD_INPUT;
        }
        try {
            Scenario s = ScenarioLoader.load(file, overrides);
            lmo.engine.MemoryEstimate memory = MemoryCheck.ofPopulations(s, false);
            if (!memory.fits(Runtime.getRuntime().maxMemory())) {
                System.err.println(memory.refusal());
                return Main.BAD_INPUT;
            }
            if (s.engine().sync().asynchronous()) {
                // what an asynchronous step can run depends on the model and dynamics built, and so do its warnings
                Runs.warn(s, lmo.scenario.Assembler.build(s));
            }
            if (!quiet) {
                System.out.println("# " + file + ": valid");
                System.out.println("# memory: " + memory.need() + " in one JVM (this JVM's heap: "
                        + lmo.engine.MemoryEstimate.heapMegabytes() + " MB)");
                System.out.print(s.toYaml());
            }
            return Main.OK;
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
