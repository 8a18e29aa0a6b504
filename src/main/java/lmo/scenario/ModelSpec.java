package lmo.scenario;

/** The functional the particles descend ({@code model}). */
public sealed interface ModelSpec permits BarycenterSpec, DeepLinearSpec, GameSpec, MlpSpec, MmdSpec, OtSpec, ResNetSpec, PotentialModelSpec, TwoLayerSpec {
    /** The {@code type} key: {@code mmd}, {@code potential}, {@code two-layer} or {@code game}. */
    String type();

    /** The population the model acts on (whose particles move). */
    String population();

    /** The external potential added to the model ({@code model.potential}), or null. */
    PotentialSpec potential();
}
