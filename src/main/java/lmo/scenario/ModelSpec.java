package lmo.scenario;

/** The functional the particles descend ({@code model}). */
public sealed interface ModelSpec permits MmdSpec, PotentialModelSpec, TwoLayerSpec {
    /** The {@code type} key: {@code mmd}, {@code potential} or {@code two-layer}. */
    String type();

    /** The population the model acts on (whose particles move). */
    String population();

    /** The external potential added to the model ({@code model.potential}), or null. */
    PotentialSpec potential();
}
