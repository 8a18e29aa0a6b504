package lmo.family;

import java.nio.file.Path;
import java.util.List;

/** The payoff of a game ({@code model.payoff}); docs/games.md. */
public sealed interface PayoffSpec {
    /** The {@code type} key. */
    String type();

    /**
     * {@code fourier}: exactly one of listed coefficients, a file, or random coefficients.
     *
     * @param coefficients listed coefficients, or null
     * @param file an absolute .npy path of shape (n, n, 2), or null
     * @param randomOrder K of random coefficients, or null
     * @param seed the seed of random coefficients (0 otherwise)
     */
    record Fourier(List<Coefficient> coefficients, Path file, Integer randomOrder, long seed) implements PayoffSpec {
        public Fourier {
            coefficients = coefficients == null ? null : List.copyOf(coefficients);
        }

        @Override public String type() { return "fourier"; }
    }

    /** One listed coefficient {@code c_kl = re + i im}. */
    record Coefficient(List<Integer> k, List<Integer> l, double re, double im) {
        public Coefficient {
            k = List.copyOf(k);
            l = List.copyOf(l);
        }
    }

    /** {@code example-4.1} with its generic perturbation epsilon. */
    record Example41(double epsilon) implements PayoffSpec {
        @Override public String type() { return "example-4.1"; }
    }

    /** {@code bilinear} (p and q null) or {@code quadratic}. */
    record Matrices(String type, Matrix p, Matrix b, Matrix q) implements PayoffSpec {}

    /**
     * A matrix listed in the scenario (rows) or read from a file.
     *
     * @param rows the listed rows, or null
     * @param file an absolute .npy or .csv path, or null
     */
    record Matrix(List<List<Double>> rows, Path file) {
        public Matrix {
            rows = rows == null ? null : rows.stream().map(List::copyOf).toList();
        }
    }

    /** {@code class}: a user {@link lmo.model.game.Payoff} loaded by name. */
    record UserClass(String className) implements PayoffSpec {
        @Override public String type() { return "class"; }
    }
}
