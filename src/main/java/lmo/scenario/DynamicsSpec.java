package lmo.scenario;

/**
 * How particles follow the first variation V of the model ({@code dynamics}); time is mean-field time, one step
 * advances it by the step size.
 */
public sealed interface DynamicsSpec permits WassersteinSpec, FisherRaoSpec, WfrSpec, LangevinSpec, GdaSpec, NoneSpec {
    /** The {@code type} key: {@code wasserstein}, {@code fisher-rao}, {@code wfr}, {@code langevin} or {@code gda}. */
    String type();
}
