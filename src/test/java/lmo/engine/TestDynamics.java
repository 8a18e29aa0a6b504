package lmo.engine;

import lmo.dynamics.Dynamics;
import lmo.dynamics.StepContext;
import lmo.particles.Block;
import lmo.space.Space;

/** Test dynamics: plain Euler in R^d, x <- x - eta grad V, masses m <- m exp(-massStep V) (optionally renormalised), plus optional noise. */
record TestDynamics(double eta, double massStep, boolean normalize, double noise) implements Dynamics {

    static TestDynamics euler(double eta) { return new TestDynamics(eta, 0, false, 0); }

    @Override
    public void step(Space space, Block b, double[] v, double[] gradV, StepContext ctx) {
        int d = b.dim();
        double[] z = new double[d];
        for (int i = 0; i < b.count(); i++) {
            if (noise > 0) ctx.gaussians(b.population(), b.firstId() + i, StepContext.STREAM_LANGEVIN, z, 0, d);
            for (int c = 0; c < d; c++) {
                b.xNext()[i * d + c] = b.x()[i * d + c] - eta * gradV[i * d + c] + noise * z[c];
            }
            b.mNext()[i] = b.m()[i] * Math.exp(-massStep * v[i]);
        }
    }

    @Override
    public boolean normalizesMass() { return normalize; }

    @Override
    public double timeStep() { return eta; }

    @Override
    public String type() { return "test"; }
}
