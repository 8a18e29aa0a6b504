package lmo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import lmo.rng.CounterRng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The geometric experiment of Chizat 2024 (arXiv 2408.11620, section 5; digest section 1.9): 300 + 300 points in
 * R^2, uniform weights, squared Euclidean cost normalised to {@code ||c||_osc = 1}, beta_0 = 10, T = 1000; the error
 * is the rounded suboptimality {@code <c, round(pi_t)> - OT(p, q)} with OT exact ({@link ExactOt}).
 *
 * <p>Instance (lmo's {@link CounterRng}, seed 1, stream {@value #STREAM} reserved for this test, population 0 for X
 * and 1 for Y, one uniform vector per coordinate): X = 150 points of angle U[0, pi] and radius U[0.3, 0.5] (the upper
 * half annulus about 0) and 150 points of angle U[0, 2 pi] and radius U[0, 0.1] about (-0.3, 0.4); Y = 150 points
 * (U[-0.5, 0.5], U[0, 0.15]) and 150 points (U[-0.075, 0.075], U[0, 0.6]). A different RNG gives a different
 * instance from the paper's (its OT* = 0.07435), so rates and shapes are compared, not absolute errors.
 *
 * <p>To keep each test under ~30 s on 2 cores the error is evaluated every 10th iteration (t = 10, 20, ..., 1000):
 * slopes are least-squares fits of log error on log t over t in {500, 510, ..., 1000}; the front comparison uses
 * t in {100, 110, ..., 1000}. The constant-beta front is reduced from the paper's beta in 10^{1:0.1:3}
 * (21 runs) to 10^{2:0.1:3} (11 runs, two at a time): a one-off run with all 21 found the minimum over
 * t in [100, 1000] attained only by beta >= 10^2.3 (beta = 10^2.3 .. 10^3 at 3, 4, 7, 9, 12, 17, 22, 17 of the 91
 * times), every beta <= 10^2.2 staying above 4.6e-3 there; the test checks that the smallest beta kept, 10^2, never
 * attains the front either. Measured on this instance: OT = 0.0731128; AS err(1000) = 3.45e-3, slope -0.494;
 * DAS err(1000) = 7.11e-4, slope -0.740; front(1000) = 8.15e-4 (beta = 1000); DAS <= 1.1 front at 91 of 91 t
 * (worst ratio 0.87). The paper's figure: 3.7e-3, 7.5e-4, 8e-4.
 */
@Tag("slow")
class AnnealingGeometricTest {
    static final int STREAM = 1001;
    static final int N = 300, T = 1000, EVERY = 10;
    static TransportProblem problem;
    static double ot;

    @BeforeAll
    static void instance() {
        double[] x = new double[2 * N], y = new double[2 * N];
        double[] a = uniforms(0, 0), b = uniforms(0, 1), c = uniforms(1, 0), d = uniforms(1, 1);
        for (int i = 0; i < N; i++) {
            if (i < N / 2) {
                double th = Math.PI * a[i], r = 0.3 + 0.2 * b[i];
                x[2 * i] = r * Math.cos(th);
                x[2 * i + 1] = r * Math.sin(th);
                y[2 * i] = -0.5 + c[i];
                y[2 * i + 1] = 0.15 * d[i];
            } else {
                double th = 2 * Math.PI * a[i], r = 0.1 * b[i];
                x[2 * i] = -0.3 + r * Math.cos(th);
                x[2 * i + 1] = 0.4 + r * Math.sin(th);
                y[2 * i] = -0.075 + 0.15 * c[i];
                y[2 * i + 1] = 0.6 * d[i];
            }
        }
        problem = TransportProblem.uniform(Cost.of(x, N, y, N, 2, Cost.Kind.SQEUCLIDEAN, Cost.Normalize.OSCILLATION));
        ExactOt exact = ExactOt.assignment(ExactOt.dense(problem.cost()), N);
        ot = exact.value();
        assertEquals(ot, ExactOt.of(problem).value(), 1e-12, "Hungarian and network simplex agree");
        System.out.printf("geometric instance: %s, OT = %.10f%n", problem.cost().describe(), ot);
    }

    static double[] uniforms(int population, int coordinate) {
        double[] out = new double[N];
        CounterRng.uniforms(1, population, coordinate, 0, STREAM, out, 0, N);
        return out;
    }

    /** err[t / EVERY] = rounded suboptimality after iteration t, t = EVERY, 2 EVERY, ..., T. */
    static double[] errors(InverseTemperature schedule) {
        double[] err = new double[T / EVERY + 1];
        OnlineSinkhorn.solve(problem, OnlineSinkhorn.Options.fixed(schedule, T), (t, u, v, beta) -> {
            if (t % EVERY == 0) err[t / EVERY] = Rounding.roundedCost(problem, u, v, beta) - ot;
        });
        return err;
    }

    static double slope(double[] err, int from, int to) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int k = 0;
        for (int t = from; t <= to; t += EVERY) {
            double lx = Math.log(t), ly = Math.log(err[t / EVERY]);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            k++;
        }
        return (k * sxy - sx * sy) / (k * sxx - sx * sx);
    }

    @Test
    void annealedSinkhornWithKappaOneHalfConvergesAtRateOneOverSqrtT() {
        double[] err = errors(InverseTemperature.annealed(10, 0.5));
        double s = slope(err, 500, 1000);
        System.out.printf("AS kappa=1/2: err(100) = %.3e, err(500) = %.3e, err(1000) = %.3e, slope[500,1000] = %.3f%n",
                err[10], err[50], err[100], s);
        assertEquals(-0.50, s, 0.05);
    }

    @Test
    void debiasedAnnealedSinkhornWithKappaTwoThirdsIsFasterAndMatchesTheConstantBetaFront() throws Exception {
        double[] das = errors(InverseTemperature.debiasedAnnealed(10, 2.0 / 3));
        double s = slope(das, 500, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<double[]>> runs = new ArrayList<>();
        try {
            for (int k = 20; k <= 30; k++) {
                double beta = Math.pow(10, k / 10.0);
                runs.add(pool.submit(() -> errors(InverseTemperature.constant(beta))));
            }
            double[] front = new double[T / EVERY + 1];
            java.util.Arrays.fill(front, Double.POSITIVE_INFINITY);
            double[] lowest = runs.get(0).get();
            for (Future<double[]> f : runs) {
                double[] e = f.get();
                for (int k = 0; k < front.length; k++) front[k] = Math.min(front[k], e[k]);
            }
            for (int t = 100; t <= T; t += EVERY) {
                assertTrue(lowest[t / EVERY] > front[t / EVERY], "beta = 100 attains the front at t = " + t
                        + ": the reduced beta set would not be enough");
            }
            int within = 0, total = 0;
            double worst = 0;
            for (int t = 100; t <= T; t += EVERY) {
                double ratio = das[t / EVERY] / front[t / EVERY];
                worst = Math.max(worst, ratio);
                if (ratio <= 1.1) within++;
                total++;
            }
            System.out.printf("DAS kappa=2/3: err(100) = %.3e, err(500) = %.3e, err(1000) = %.3e, slope[500,1000] = %.3f;"
                    + " front(1000) = %.3e; DAS <= 1.1 front at %d of %d t in [100,1000] (worst ratio %.3f)%n",
                    das[10], das[50], das[100], s, front[100], within, total, worst);
            assertTrue(s <= -0.65, "DAS slope " + s);
            assertTrue(within >= 0.9 * total, "DAS within 1.1 x the front at " + within + " of " + total);
        } finally {
            pool.shutdownNow();
        }
    }
}
