package lmo.scenario;

/** The functional the particles descend ({@code model}). */
public sealed interface ModelSpec permits MmdSpec, PotentialModelSpec {
    /** The {@code type} key: {@code mmd}. */
    String type();

    /** The external potential added to the model ({@code model.potential}), or null. */
    PotentialSpec potential();
}
