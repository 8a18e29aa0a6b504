package lmo.family;

import lmo.scenario.ModelSpec;
import lmo.scenario.PotentialSpec;

/** {@code model.type: potential}: a population in an external potential alone (no interaction). */
public record PotentialModelSpec(PotentialSpec potential) implements ModelSpec {
    /** The population the potential acts on. */
    public String population() { return potential.population(); }

    @Override public String type() { return "potential"; }
}
