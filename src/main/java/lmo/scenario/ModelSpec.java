package lmo.scenario;

/**
 * The functional the particles descend ({@code model}): one record per model family ({@code lmo.family}), whose
 * {@link #type} is the {@code model.type} the registry {@code lmo.family.Families} looks the family up by.
 */
public interface ModelSpec {
    /** The {@code type} key: {@code mmd}, {@code potential}, {@code two-layer}, {@code game}, {@code ot}, ... */
    String type();

    /** The population the model acts on (whose particles move). */
    String population();

    /** The external potential added to the model ({@code model.potential}), or null. */
    PotentialSpec potential();
}
