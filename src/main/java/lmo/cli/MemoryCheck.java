package lmo.cli;

import java.util.ArrayList;
import java.util.List;
import lmo.engine.MemoryEstimate;
import lmo.scenario.PopulationSpec;
import lmo.scenario.Scenario;

/**
 * The memory checks of {@code run}, {@code resume} and {@code validate} before setup allocates anything: the
 * {@link MemoryEstimate} of the scenario's populations against the heap, and the readable line when setup runs out
 * of memory anyway.
 */
final class MemoryCheck {
    private MemoryCheck() {}

    /**
     * The estimate from the scenario's populations alone (no solver state, one stage): what setup allocates first and
     * the engine copies.
     *
     * @param coordinator whether this JVM coordinates a cluster (its blocks may all live on other members)
     */
    static MemoryEstimate ofPopulations(Scenario scenario, boolean coordinator) {
        List<MemoryEstimate.Shape> shapes = new ArrayList<>();
        for (PopulationSpec p : scenario.populations().values()) {
            shapes.add(new MemoryEstimate.Shape(p.name(), p.count(), p.space().dim(), 0));
        }
        return MemoryEstimate.of(shapes, coordinator ? 2 : MemoryEstimate.COPIES);
    }

    /** Why the scenario cannot fit in this JVM's heap, or null. */
    static String problem(Scenario scenario, boolean coordinator) {
        MemoryEstimate e = ofPopulations(scenario, coordinator);
        return e.fits(Runtime.getRuntime().maxMemory()) ? null : e.refusal();
    }

    /** Why the assembled run cannot fit in this JVM's heap, or null (a cluster's coordinator: not checked again). */
    static String problem(lmo.engine.Simulation sim, boolean coordinator) {
        if (coordinator) return null;
        MemoryEstimate e = MemoryEstimate.of(sim);
        return e.fits(Runtime.getRuntime().maxMemory()) ? null : e.refusal();
    }

    /** Setup ran out of memory: one line (exit code 1, nothing was written). */
    static int outOfMemory(Scenario scenario) {
        String need = scenario == null ? "out of memory while reading the scenario; raise -Xmx (JAVA_OPTS)"
                : ofPopulations(scenario, false).outOfMemory();
        System.err.println("lmo: " + need + " (while setting up the run; nothing was written)");
        return Main.BUG;
    }
}
