package lmo.scenario;

import java.util.SortedSet;
import lmo.model.Model;

/**
 * How a scenario binds and builds one model type: what the binder and the assembler of this package need of a model
 * family ({@code lmo.family.ModelFamily} extends it with the type's name and its documented keys). The defaults of
 * the hooks fit a model that moves the particles of a listed population under any dynamics; a family overrides the
 * hooks that differ (a population it makes itself, the dynamics it fixes or refuses, {@code output.predictor}).
 *
 * <p>Conventions: key paths are relative to {@code model} ({@code kernel.s} is {@code model.kernel.s}); error
 * messages are thrown at the key they are about, through the reader ({@link MapReader#error}); binding checks
 * everything the build needs, so a bound spec builds (up to the content of the files it names).
 *
 * @param <S> the family's spec
 */
public interface ModelBinding<S extends ModelSpec> {
    /** The {@code model.type} string, e.g. {@code mmd}. */
    String type();

    /**
     * Every key path the binder accepts, relative to {@code model}, composed from the key lists it checks the
     * mappings with ({@code []} for a list item).
     */
    SortedSet<String> paths();

    /** The class of the family's spec. */
    Class<S> specType();

    /** Binds {@code model} (whose {@code type} is this family's) to the family's spec; stops at the first error. */
    S bind(MapReader model, BindContext c) throws ScenarioException;

    /** The model of a bound spec, over the assembled populations. */
    Model build(S spec, BuildContext c) throws ScenarioException;

    /** True when the family makes its own population from its sizes: {@code populations} may be left out. */
    default boolean derivesPopulation() { return false; }

    /** The population the spec's sizes and seeds imply ({@link #derivesPopulation}), else null. */
    default PopulationSpec derivedPopulation(S spec) { return null; }

    /**
     * The solver values each particle of the model's population carries besides its position and mass (1 for
     * {@code ot}: its Sinkhorn potential), for the populations' size bound, read before the model is bound.
     */
    default int solverWidth() { return 0; }

    /** The dynamics the model fixes itself, used when the scenario has no {@code dynamics}; null when none. */
    default DynamicsSpec impliedDynamics(S spec) { return null; }

    /** Null when the model runs under {@code dynamics}, else the error message at {@code dynamics.type}. */
    default String refusedDynamics(S spec, DynamicsSpec dynamics) { return null; }

    /** Null when the model writes {@code predictor.csv} ({@code output.predictor}), else the error message. */
    default String predictorRefusal(S spec) { return "predictor.csv needs a two-layer model, got " + type(); }

    /** {min, max} of the 1-D inputs, for the default grid of {@code predictor.csv}, when it is not refused. */
    default double[] predictorRange(S spec) throws ScenarioException {
        throw new UnsupportedOperationException(type() + " writes no predictor.csv");
    }

    /** The model of a spec this binding bound (checked against {@link #specType}). */
    default Model buildAny(ModelSpec spec, BuildContext c) throws ScenarioException {
        return build(specType().cast(spec), c);
    }

    /** The population of a spec this binding bound ({@link #derivedPopulation}), or null. */
    default PopulationSpec derivedPopulationOfAny(ModelSpec spec) {
        return derivesPopulation() ? derivedPopulation(specType().cast(spec)) : null;
    }
}
