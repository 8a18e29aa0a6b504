package lmo.family;

import lmo.scenario.DynamicsSpec;
import lmo.scenario.WassersteinSpec;

/**
 * The families whose parameters are the particles ({@code resnet}, {@code deep-linear}, {@code mlp}) train by
 * full-batch gradient descent: the Wasserstein dynamics, whose step size is the learning rate.
 */
final class Descent {
    private Descent() {}

    /** Null under {@code wasserstein}, else the message at {@code dynamics.type}. */
    static String refused(String type, DynamicsSpec dynamics) {
        return dynamics instanceof WassersteinSpec ? null : "model " + type + " trains by full-batch gradient"
                + " descent: use dynamics: {type: wasserstein, stepSize: eta}";
    }
}
