package lmo.analysis;

/**
 * A vector field {@code z -> F(z)} on R^dim around an expansion point at {@code z = 0}; {@link Jacobian} linearises
 * it there. Time derivatives in the descent form: the flow is {@code dz/dt = F(z)}.
 */
public interface VectorField {
    int dim();

    /** {@code F(z)}; z is not modified. */
    double[] at(double[] z);
}
