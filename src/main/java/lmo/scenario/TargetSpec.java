package lmo.scenario;

/** The target law nu of an MMD model ({@code model.target}). */
public sealed interface TargetSpec permits UniformTarget, CosineTarget, SamplesTarget {
    /** The {@code type} key: {@code uniform}, {@code cosine} or {@code samples}. */
    String type();
}
