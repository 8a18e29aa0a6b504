package lmo.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import lmo.model.Model;
import lmo.model.potential.PotentialModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Model#largestLinearRate}: for the Sobolev kernels with a uniform target, mode k of the density perturbation
 * decays at {@code (2 pi |k|)^(2 - 2s)} under {@code dx/dt = -grad V} (docs/kernel-flows.md), so the largest rate is
 * the closed form {@code (2 pi)^(2 - 2s)} for s >= 1, and {@code (2 pi modes sqrt(d))^(2 - 2s)} for s < 1 on the
 * Fourier path; the rate is the code's, as one Euler step of a single mode shows. NaN where it is not known.
 */
class LargestLinearRateTest {
    static final double TWO_PI = 2 * Math.PI;

    @ParameterizedTest(name = "s = {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void exactKernelUniformTargetIsTwoPiToTheTwoMinusTwoS(int s) {
        double rate = MmdModel.sobolevExact(0, s, Target.uniform()).largestLinearRate();
        assertEquals(Math.pow(TWO_PI, 2 - 2 * s), rate, 1e-15 * Math.pow(TWO_PI, 2 - 2 * s));
    }

    @Test
    void closedFormsOfTheIssueCases() {
        assertEquals(1.0, MmdModel.sobolevExact(0, 1, Target.uniform()).largestLinearRate(), 1e-15);
        assertEquals(1 / (4 * Math.PI * Math.PI), MmdModel.sobolevExact(0, 2, Target.uniform()).largestLinearRate(), 1e-17);
        assertEquals(1 / TWO_PI, MmdModel.sobolevFourier(0, 1, 1.5, 64, Target.uniform()).largestLinearRate(), 1e-16);
    }

    @Test
    void fourierKernelTakesTheLargestKeptMode() {
        // s >= 1: |k| = 1, in any dimension
        assertEquals(1 / TWO_PI, MmdModel.sobolevFourier(0, 2, 1.5, 4, Target.uniform()).largestLinearRate(), 1e-16);
        assertEquals(1.0, MmdModel.sobolevFourier(0, 3, 1.0, 2, Target.uniform()).largestLinearRate(), 1e-14);
        // s < 1: the corner of the kept cube, |k| = modes sqrt(d)
        double corner = TWO_PI * 3 * Math.sqrt(2);
        assertEquals(corner, MmdModel.sobolevFourier(0, 2, 0.5, 3, Target.uniform()).largestLinearRate(), 1e-12 * corner);
        // a cosine target whose waves the truncation drops is uniform as far as the model sees it
        Target beyond = Target.cosine(new int[][] {{9}}, new double[] {0.1});
        assertEquals(1 / TWO_PI, MmdModel.sobolevFourier(0, 1, 1.5, 4, beyond).largestLinearRate(), 1e-16);
    }

    @Test
    void unknownElsewhere() {
        Target cosine = Target.cosine(new int[][] {{1}}, new double[] {0.5});
        Target samples = Target.samples(new double[] {0.1, 0.6}, new double[] {0.5, 0.5}, 1);
        Model[] unknown = {
            MmdModel.sobolevExact(0, 2, cosine),
            MmdModel.sobolevExact(0, 2, samples),
            MmdModel.sobolevFourier(0, 1, 2, 8, cosine),
            MmdModel.gaussian(0, 1, 0.5, samples),
            MmdModel.energy(0, 1, samples),
            new PotentialModel(0, 1, new lmo.model.potential.QuadraticPotential(2.0)),
        };
        for (Model m : unknown) assertTrue(Double.isNaN(m.largestLinearRate()), m.toString());
    }

    /**
     * The rate is the code's: from the quantiles of {@code 1 + 1e-3 cos(2 pi x)}, one explicit Euler step of size
     * eta multiplies |m_1| by {@code 1 - eta largestLinearRate()} (measured: to 1.6e-8, the nonlinear terms).
     */
    @Test
    void oneEulerStepOfTheSlowestModeDecaysByOneMinusEtaLambda() {
        for (MmdModel model : new MmdModel[] {MmdModel.sobolevExact(0, 2, Target.uniform()),
                MmdModel.sobolevFourier(0, 1, 1.5, 64, Target.uniform())}) {
            double lambda = model.largestLinearRate();
            double eta = 0.5 / lambda;
            double[] x = SingleModeDecayTest.quantiles();
            double[] m = new double[x.length];
            Arrays.fill(m, 1.0 / x.length);
            double before = SingleModeDecayTest.modeOne(x, m);
            double[] g = PlainLoop.evaluate(model, x, m, 1, 128).grad()[0];
            for (int i = 0; i < x.length; i++) {
                double y = x[i] - eta * g[i];
                x[i] = y - Math.floor(y);
            }
            double factor = SingleModeDecayTest.modeOne(x, m) / before;
            assertEquals(1 - eta * lambda, factor, 1e-6, model.toString()); // measured: 1.6e-8 off
        }
    }
}
