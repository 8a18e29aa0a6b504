package lmo.scenario;

/** The functional the particles descend ({@code model}). */
public sealed interface ModelSpec permits MmdSpec {
    /** The {@code type} key: {@code mmd}. */
    String type();
}
