package lmo.model.game;

/**
 * The quadratic payoff on R^dx x R^dy: {@code f(x, y) = 1/2 x'Px + x'By - 1/2 y'Qy}, player 1 (x) minimises f,
 * player 2 (y) maximises it; {@code bilinear} is P = 0, Q = 0 ({@code f = x'By}). P and Q are symmetric; the game is
 * convex-concave iff P and Q are positive semidefinite. The GDA field {@code F(z) = (grad_x f, -grad_y f)} is linear,
 * {@code F(z) = J z} with {@code J = [[P, B], [-B', Q]]} ({@link #jacobian}); docs/games.md. Immutable.
 */
public final class QuadraticPayoff implements Payoff {
    private final int dx;
    private final int dy;
    private final double[][] p;
    private final double[][] b;
    private final double[][] q;

    /**
     * @param p dx x dx, symmetric
     * @param b dx x dy
     * @param q dy x dy, symmetric
     */
    public QuadraticPayoff(double[][] p, double[][] b, double[][] q) {
        this.dx = b.length;
        if (dx == 0 || b[0].length == 0) throw new IllegalArgumentException("quadratic payoff: B must have at least one row and column");
        this.dy = b[0].length;
        this.b = copy(b, dx, dy, "B");
        this.p = copy(p, dx, dx, "P");
        this.q = copy(q, dy, dy, "Q");
        symmetric(this.p, "P");
        symmetric(this.q, "Q");
    }

    /** {@code f = x'By}. */
    public static QuadraticPayoff bilinear(double[][] b) {
        int dx = b.length, dy = b.length == 0 ? 0 : b[0].length;
        return new QuadraticPayoff(new double[dx][dx], b, new double[dy][dy]);
    }

    private static double[][] copy(double[][] a, int rows, int cols, String name) {
        if (a.length != rows) throw new IllegalArgumentException("quadratic payoff: " + name + " has " + a.length + " rows, expected " + rows);
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            if (a[i].length != cols) {
                throw new IllegalArgumentException("quadratic payoff: " + name + " row " + (i + 1) + " has " + a[i].length + " entries, expected " + cols);
            }
            for (double v : a[i]) if (!Double.isFinite(v)) throw new IllegalArgumentException("quadratic payoff: " + name + " has a non-finite entry " + v);
            out[i] = a[i].clone();
        }
        return out;
    }

    private static void symmetric(double[][] a, String name) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(a[i][j] - a[j][i]) > 1e-12 * (1 + Math.abs(a[i][j]))) {
                    throw new IllegalArgumentException("quadratic payoff: " + name + " must be symmetric, but entry (" + (i + 1)
                            + "," + (j + 1) + ") = " + a[i][j] + " and (" + (j + 1) + "," + (i + 1) + ") = " + a[j][i]);
                }
            }
        }
    }

    @Override public int dimX() { return dx; }
    @Override public int dimY() { return dy; }
    /** A copy of P. */
    public double[][] p() { return deep(p); }
    /** A copy of B. */
    public double[][] b() { return deep(b); }
    /** A copy of Q. */
    public double[][] q() { return deep(q); }

    /** {@code J = [[P, B], [-B', Q]]}, (dx + dy) square: the Jacobian of the GDA field, {@code z' = -J z}. */
    public double[][] jacobian() {
        int d = dx + dy;
        double[][] j = new double[d][d];
        for (int r = 0; r < dx; r++) {
            System.arraycopy(p[r], 0, j[r], 0, dx);
            System.arraycopy(b[r], 0, j[r], dx, dy);
            for (int c = 0; c < dy; c++) j[dx + c][r] = 0.0 - b[r][c];
        }
        for (int r = 0; r < dy; r++) System.arraycopy(q[r], 0, j[dx + r], dx, dy);
        return j;
    }

    private static double[][] deep(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }

    @Override
    public double value(double[] x, int xOff, double[] y, int yOff) {
        double s = 0;
        for (int i = 0; i < dx; i++) {
            double px = 0, by = 0;
            for (int j = 0; j < dx; j++) px += p[i][j] * x[xOff + j];
            for (int j = 0; j < dy; j++) by += b[i][j] * y[yOff + j];
            s += x[xOff + i] * (0.5 * px + by);
        }
        for (int i = 0; i < dy; i++) {
            double qy = 0;
            for (int j = 0; j < dy; j++) qy += q[i][j] * y[yOff + j];
            s -= 0.5 * y[yOff + i] * qy;
        }
        return s;
    }

    /** {@code Px + By}. */
    @Override
    public void gradX(double[] x, int xOff, double[] y, int yOff, double[] out, int outOff) {
        for (int i = 0; i < dx; i++) {
            double s = 0;
            for (int j = 0; j < dx; j++) s += p[i][j] * x[xOff + j];
            for (int j = 0; j < dy; j++) s += b[i][j] * y[yOff + j];
            out[outOff + i] = s;
        }
    }

    /** {@code B'x - Qy}. */
    @Override
    public void gradY(double[] x, int xOff, double[] y, int yOff, double[] out, int outOff) {
        for (int i = 0; i < dy; i++) {
            double s = 0;
            for (int j = 0; j < dx; j++) s += b[j][i] * x[xOff + j];
            for (int j = 0; j < dy; j++) s -= q[i][j] * y[yOff + j];
            out[outOff + i] = s;
        }
    }

    @Override public String toString() { return "QuadraticPayoff[dx=" + dx + ", dy=" + dy + "]"; }
}
