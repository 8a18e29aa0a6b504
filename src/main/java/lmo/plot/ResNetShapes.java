package lmo.plot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lmo.io.RunLayout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report of a ResNet shape sweep (the digest's protocol, Chaintron–Chizat–Maass §1.3): per shape (L, M, D) the
 * embedding error {@code sqrt(mean over coupled repetitions of errorEmbedding^2)} (RMS over coordinates, samples
 * and repetitions) and the output error from the uncoupled repetitions (the coupled ones when there are none), in
 * {@code shapes.csv}; the fitted exponents beside the theory's in {@code shapes.json}; plots in {@code plots/}.
 *
 * <p>Fits. The theory's error laws are {@code err_h^2 = A D/(LM) + B / D} and {@code err_y^2 = A (D/(LM))^2 + B / D}
 * (with 1/L negligible at fixed L), plus a constant C, the reference run's own error (independent of the shape). A
 * non-negative least-squares fit of err^2 gives A, B and C; C is removed from err^2 (shapes with err^2 < 2 C are
 * left out: the reference dominates them); the
 * <em>width region</em> is the shapes where the width term is at least 4 times the other, the <em>embedding
 * region</em> those where B/D is at least 4 times the width term; in each region a least-squares line of log err
 * against log(D/(LM)), resp. log D, gives the exponent (theory: 1/2 and -1/2 for the embedding error, 1 and -1/2
 * for the output error). Against P = LMD the lower envelope (the smallest error per quarter decade of P) is fitted
 * (theory at the optimal shape: -1/6 and -1/5). A region with fewer than 3 distinct x values gives no exponent.
 */
public final class ResNetShapes {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResNetShapes() {}

    /** One completed run of the sweep. */
    public record Run(int depth, int width, int embedding, boolean coupled, double errorEmbedding, double errorOutput) {}

    /** One shape, its errors aggregated over repetitions (NaN when it has none of a kind). */
    public record Shape(int depth, int width, int embedding, double errorEmbedding, int repsEmbedding,
                        double errorOutput, int repsOutput) {
        double ratio() { return (double) embedding / ((double) depth * width); }
        double parameters() { return (double) depth * width * embedding; }
    }

    /** A least-squares line of log y against log x over a region. */
    public record PowerFit(String region, double exponent, double prefactor, double r2, int points, double theory) {}

    /** Aggregates runs by shape (sorted by L, M, D). */
    public static List<Shape> shapes(List<Run> runs) {
        boolean anyUncoupled = runs.stream().anyMatch(r -> !r.coupled());
        Map<List<Integer>, double[]> acc = new TreeMap<>((a, b) -> {
            for (int i = 0; i < 3; i++) if (!a.get(i).equals(b.get(i))) return Integer.compare(a.get(i), b.get(i));
            return 0;
        });
        for (Run r : runs) {
            double[] a = acc.computeIfAbsent(List.of(r.depth(), r.width(), r.embedding()), k -> new double[4]);
            if (r.coupled() && Double.isFinite(r.errorEmbedding())) {
                a[0] += r.errorEmbedding() * r.errorEmbedding();
                a[1]++;
            }
            if (r.coupled() != anyUncoupled && Double.isFinite(r.errorOutput())) {
                a[2] += r.errorOutput() * r.errorOutput();
                a[3]++;
            }
        }
        List<Shape> out = new ArrayList<>();
        acc.forEach((k, a) -> out.add(new Shape(k.get(0), k.get(1), k.get(2), a[1] > 0 ? Math.sqrt(a[0] / a[1]) : Double.NaN,
                (int) a[1], a[3] > 0 ? Math.sqrt(a[2] / a[3]) : Double.NaN, (int) a[3])));
        return out;
    }

    /** {@code y ~ prefactor x^exponent} by least squares on logs (positive finite pairs only). */
    static PowerFit power(String region, double[] x, double[] y, double theory) {
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0) || !Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
            double lx = Math.log(x[i]), ly = Math.log(y[i]);
            n++;
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
            syy += ly * ly;
            distinct.add(x[i]);
        }
        if (distinct.size() < 3) return new PowerFit(region, Double.NaN, Double.NaN, Double.NaN, n, theory);
        double vx = sxx - sx * sx / n, cxy = sxy - sx * sy / n, vy = syy - sy * sy / n;
        double slope = cxy / vx;
        double r2 = vy > 0 ? cxy * cxy / (vx * vy) : 1;
        return new PowerFit(region, slope, Math.exp((sy - slope * sx) / n), r2, n, theory);
    }

    /**
     * Non-negative least squares of {@code y = A a + B b + C} (columns a, b and a constant) in relative residuals
     * {@code (y - fit) / y}: {A, B, C}, by trying every subset of the three terms and keeping the best fit with
     * non-negative coefficients.
     */
    static double[] threeTerms(double[] a0, double[] b0, double[] y0) {
        int n = y0.length;
        double[] a = new double[n], b = new double[n], y = new double[n], one = new double[n];
        for (int i = 0; i < n; i++) {  // relative residuals: every shape counts, whatever its error's size
            double w = y0[i] > 0 ? 1 / y0[i] : Double.NaN;
            a[i] = a0[i] * w;
            b[i] = b0[i] * w;
            y[i] = y0[i] * w;
            one[i] = w;
        }
        double[] best = {0, 0, 0};
        double bestResidual = Double.POSITIVE_INFINITY;
        for (int mask = 1; mask < 8; mask++) {
            double[][] cols = new double[3][];
            int k = 0;
            int[] which = new int[3];
            for (int t = 0; t < 3; t++) {
                if ((mask & (1 << t)) == 0) continue;
                cols[k] = t == 0 ? a : t == 1 ? b : one;
                which[k++] = t;
            }
            double[] c = leastSquares(java.util.Arrays.copyOf(cols, k), y);
            if (c == null) continue;
            boolean ok = true;
            for (double v : c) ok &= v >= 0;
            if (!ok) continue;
            double[] coef = new double[3];
            for (int i = 0; i < k; i++) coef[which[i]] = c[i];
            double r = 0;
            for (int i = 0; i < y.length; i++) {
                if (!Double.isFinite(y[i])) continue;
                double e = y[i] - coef[0] * a[i] - coef[1] * b[i] - coef[2] * one[i];
                r += e * e;
            }
            if (r < bestResidual) {
                bestResidual = r;
                best = coef;
            }
        }
        return best;
    }

    /** Ordinary least squares over the finite rows of y, by the normal equations (k <= 3); null when singular. */
    private static double[] leastSquares(double[][] cols, double[] y) {
        int k = cols.length;
        double[][] m = new double[k][k + 1];
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) continue;
            boolean finite = true;
            for (int r = 0; r < k; r++) finite &= Double.isFinite(cols[r][i]);
            if (!finite) continue;
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) m[r][c] += cols[r][i] * cols[c][i];
                m[r][k] += cols[r][i] * y[i];
            }
        }
        for (int p = 0; p < k; p++) {
            int piv = p;
            for (int r = p + 1; r < k; r++) if (Math.abs(m[r][p]) > Math.abs(m[piv][p])) piv = r;
            double[] t = m[p];
            m[p] = m[piv];
            m[piv] = t;
            if (Math.abs(m[p][p]) < 1e-300) return null;
            for (int r = 0; r < k; r++) {
                if (r == p) continue;
                double f = m[r][p] / m[p][p];
                for (int c = p; c <= k; c++) m[r][c] -= f * m[p][c];
            }
        }
        double[] out = new double[k];
        for (int r = 0; r < k; r++) out[r] = m[r][k] / m[r][r];
        return out;
    }

    /**
     * The exponents of one error: width region, embedding region, envelope in P. The reference run's own error adds
     * (in expectation) a constant C to every err^2; it is fitted with A and B and removed before the power fits, which
     * use only the shapes whose err^2 is at least twice C.
     */
    static List<PowerFit> fits(List<Shape> shapes, boolean output) {
        int n = shapes.size();
        double[] width = new double[n], inv = new double[n], err2 = new double[n], err = new double[n], d = new double[n],
                ratio = new double[n], p = new double[n];
        for (int i = 0; i < n; i++) {
            Shape s = shapes.get(i);
            ratio[i] = s.ratio();
            width[i] = output ? ratio[i] * ratio[i] : ratio[i];
            inv[i] = 1.0 / s.embedding();
            double e = output ? s.errorOutput() : s.errorEmbedding();
            err2[i] = e * e;
            d[i] = s.embedding();
            p[i] = s.parameters();
        }
        double[] abc = threeTerms(width, inv, err2);
        for (int i = 0; i < n; i++) err[i] = err2[i] >= 2 * abc[2] ? Math.sqrt(err2[i] - abc[2]) : Double.NaN;
        List<Double> wx = new ArrayList<>(), wy = new ArrayList<>(), ex = new ArrayList<>(), ey = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double tw = abc[0] * width[i], te = abc[1] * inv[i];
            if (tw >= 4 * te) {
                wx.add(ratio[i]);
                wy.add(err[i]);
            }
            if (te >= 4 * tw) {
                ex.add(d[i]);
                ey.add(err[i]);
            }
        }
        String fit = "(err^2 = A x + B/D + C: A = " + fmt(abc[0]) + ", B = " + fmt(abc[1]) + ", C = " + fmt(abc[2])
                + " removed; shapes with err^2 >= 2 C)";
        List<PowerFit> out = new ArrayList<>();
        out.add(power("width term >= 4 x embedding term " + fit + ": against D/(LM)", unbox(wx), unbox(wy), output ? 1.0 : 0.5));
        out.add(power("embedding term >= 4 x width term " + fit + ": against D", unbox(ex), unbox(ey), -0.5));
        double[][] env = envelope(p, err);
        out.add(power("lower envelope per quarter decade of P = LMD " + fit + ": against P", env[0], env[1],
                output ? -0.2 : -1.0 / 6));
        return out;
    }

    /** The smallest error in each quarter decade of x: {x of that point[], error[]}. */
    static double[][] envelope(double[] x, double[] y) {
        Map<Long, double[]> best = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            if (!(y[i] > 0) || !(x[i] > 0)) continue;
            long bin = (long) Math.floor(4 * Math.log10(x[i]));
            double[] b = best.get(bin);
            if (b == null || y[i] < b[1]) best.put(bin, new double[] {x[i], y[i]});
        }
        double[][] out = new double[2][best.size()];
        int k = 0;
        for (double[] b : best.values()) {
            out[0][k] = b[0];
            out[1][k++] = b[1];
        }
        return out;
    }

    private static double[] unbox(List<Double> l) { return l.stream().mapToDouble(Double::doubleValue).toArray(); }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.4g", v); }

    /** Writes {@code shapes.csv}, {@code shapes.json} and the plots into the sweep directory; returns the files. */
    public static List<Path> write(Path dir, List<Run> runs) throws IOException {
        List<Shape> shapes = shapes(runs);
        List<Path> out = new ArrayList<>();
        StringBuilder csv = new StringBuilder("L,M,D,P,ratio,sqrtRatio,invSqrtD,errorEmbedding,repsEmbedding,errorOutput,repsOutput\n");
        for (Shape s : shapes) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%.6g,%.6g,%.6g,%.6g,%s,%d,%s,%d%n", s.depth(), s.width(),
                    s.embedding(), s.parameters(), s.ratio(), Math.sqrt(s.ratio()), 1 / Math.sqrt(s.embedding()),
                    num(s.errorEmbedding()), s.repsEmbedding(), num(s.errorOutput()), s.repsOutput()));
        }
        out.add(atomic(dir.resolve(RunLayout.SHAPES_CSV), csv.toString()));
        ObjectNode root = JSON.createObjectNode();
        for (boolean output : new boolean[] {false, true}) {
            ArrayNode a = root.putArray(output ? "errorOutput" : "errorEmbedding");
            for (PowerFit f : fits(shapes, output)) {
                ObjectNode o = a.addObject();
                o.put("region", f.region());
                o.put("exponent", f.exponent());
                o.put("theory", f.theory());
                o.put("prefactor", f.prefactor());
                o.put("r2", f.r2());
                o.put("points", f.points());
            }
        }
        out.add(atomic(dir.resolve(RunLayout.SHAPES_JSON), JSON.writeValueAsString(root) + "\n"));
        Charts.headless();
        for (boolean output : new boolean[] {false, true}) {
            String metric = output ? "errorOutput" : "errorEmbedding";
            out.add(plot(dir, shapes, metric, output ? "D/(LM)" : "sqrt(D/(LM))", true, output));
            out.add(plot(dir, shapes, metric, "1/sqrt(D)", false, output));
            out.add(plotP(dir, shapes, metric, output));
        }
        return out;
    }

    private static String num(double v) { return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v); }

    /** The error against the width variable (one series per D) or 1/sqrt(D) (one series per M). */
    private static Path plot(Path dir, List<Shape> shapes, String metric, String xName, boolean widthAxis, boolean output)
            throws IOException {
        XYChart c = Charts.xy("ResNet shapes: " + metric + " against " + xName, xName, metric);
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        Map<Integer, List<double[]>> series = new TreeMap<>();
        for (Shape s : shapes) {
            double y = output ? s.errorOutput() : s.errorEmbedding();
            if (!(y > 0)) continue;
            double x = widthAxis ? (output ? s.ratio() : Math.sqrt(s.ratio())) : 1 / Math.sqrt(s.embedding());
            series.computeIfAbsent(widthAxis ? s.embedding() : s.width(), k -> new ArrayList<>()).add(new double[] {x, y});
        }
        for (var e : series.entrySet()) {
            List<double[]> pts = e.getValue();
            pts.sort((a, b) -> Double.compare(a[0], b[0]));
            XYSeries s = c.addSeries((widthAxis ? "D = " : "M = ") + e.getKey(), pts.stream().mapToDouble(q -> q[0]).toArray(),
                    pts.stream().mapToDouble(q -> q[1]).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        if (series.isEmpty()) c.addSeries("no data", new double[] {1}, new double[] {1});
        return Charts.save(c, dir.resolve(RunLayout.PLOTS).resolve(metric + "-vs-" + (widthAxis ? "width" : "embedding") + ".png"));
    }

    private static Path plotP(Path dir, List<Shape> shapes, String metric, boolean output) throws IOException {
        XYChart c = Charts.xy("ResNet shapes: " + metric + " against P = LMD", "P = LMD", metric);
        c.getStyler().setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        List<double[]> pts = new ArrayList<>();
        for (Shape s : shapes) {
            double y = output ? s.errorOutput() : s.errorEmbedding();
            if (y > 0) pts.add(new double[] {s.parameters(), y});
        }
        pts.sort((a, b) -> Double.compare(a[0], b[0]));
        if (pts.isEmpty()) pts.add(new double[] {1, 1});
        XYSeries s = c.addSeries("shapes", pts.stream().mapToDouble(q -> q[0]).toArray(), pts.stream().mapToDouble(q -> q[1]).toArray());
        s.setMarker(SeriesMarkers.CIRCLE).setLineStyle(new java.awt.BasicStroke(0f));
        PowerFit f = fits(shapes, output).get(2);
        if (Double.isFinite(f.exponent())) {
            double lo = pts.get(0)[0], hi = pts.get(pts.size() - 1)[0];
            XYSeries line = c.addSeries(String.format(Locale.ROOT, "envelope: P^%.3f (theory %.3f)", f.exponent(), f.theory()),
                    new double[] {lo, hi}, new double[] {f.prefactor() * Math.pow(lo, f.exponent()), f.prefactor() * Math.pow(hi, f.exponent())});
            line.setMarker(SeriesMarkers.NONE);
        }
        return Charts.save(c, dir.resolve(RunLayout.PLOTS).resolve(metric + "-vs-P.png"));
    }

    private static Path atomic(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
