package lmo.scenario;

/** The uniform (Lebesgue) law on the torus. */
public record UniformTarget() implements TargetSpec {
    @Override public String type() { return "uniform"; }
}
