package lmo.scenario;

/** {@code dynamics.type: none}: particles stay where they are (the default, and the only choice, for {@code ot}). */
public record NoneSpec() implements DynamicsSpec {
    @Override public String type() { return "none"; }
}
