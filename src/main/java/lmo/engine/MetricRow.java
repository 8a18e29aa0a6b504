package lmo.engine;

import java.util.ArrayList;
import java.util.List;
import lmo.model.Model;
import lmo.particles.Population;

/**
 * The layout of a metrics row, shared by the bsp loop and the asynchronous machine: the model's metrics, then the
 * dynamics' (e.g. the temperature of the next update), then each population's total mass.
 */
final class MetricRow {
    private MetricRow() {}

    /** The column names of a row of {@code sim}. */
    static List<String> columns(Simulation sim) {
        List<String> columns = new ArrayList<>(sim.model().metricNames());
        columns.addAll(sim.dynamics().metricNames());
        for (Population p : sim.populations()) columns.add("mass_" + p.name());
        return columns;
    }

    /** The row: model metrics, dynamics metrics, masses, one after the other. */
    static double[] of(double[] model, double[] dynamics, double[] mass) {
        double[] v = new double[model.length + dynamics.length + mass.length];
        System.arraycopy(model, 0, v, 0, model.length);
        System.arraycopy(dynamics, 0, v, model.length, dynamics.length);
        System.arraycopy(mass, 0, v, model.length + dynamics.length, mass.length);
        return v;
    }

    /**
     * "metric NAME is VALUE" for the first entry that is not finite, or null; a NaN of an occasional model metric
     * counts only at the run's last state.
     */
    static String nonFinite(Model model, List<String> columns, double[] values, boolean lastState) {
        int nModel = model.metricNames().size();
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i]) && i < nModel && model.occasionalMetric(i) && !lastState) continue;
            if (!Double.isFinite(values[i])) return "metric " + columns.get(i) + " is " + values[i];
        }
        return null;
    }
}
