package lmo.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import lmo.io.RunLayout;

/**
 * The local analysis of a run as {@code analysis.json} and a short table: the eigenvalues of {@code J = -D(field)}
 * at the final state (Re > 0: local convergence), the predicted continuous rate {@code min Re lambda}, the
 * number of neutral modes (symmetries, see {@link LinearAnalysis}) and the slowest real part without them, the
 * explicit-Euler rate at the run's step over the non-neutral modes ({@code min -ln|1 - eta lambda| / eta}, and its
 * first-order form {@code min Re lambda - eta |lambda|^2 / 2}), {@code tr(S)/dim}, {@code sum Re lambda}, and the rate fitted from
 * metrics.csv with {@code ratio = fitted / predicted discrete rate}. Non-finite numbers are written as null.
 *
 * @param flow the rates, mode and step of the run's dynamics
 * @param fdStep the finite-difference step of J
 * @param residual {@code max |field(z*)|}: how far the final state is from an equilibrium of the flow
 * @param fit the fitted rate, or null when the metric has too few positive values
 */
public record AnalysisReport(FlowOf flow, double fdStep, double residual, LinearAnalysis analysis, RateFit fit) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The predicted discrete rate at the run's step, neutral modes left out (no metric sees them). */
    public double predicted() { return analysis.discreteRate(flow.eta(), true, flow.scheme()); }

    /** {@code fit.rate / predicted()}, NaN without a fit. */
    public double ratio() { return fit == null ? Double.NaN : fit.rate() / predicted(); }

    /** True when J is exact (a quadratic game), written as {@code fdStep: 0}. */
    public boolean exact() { return fdStep == 0; }

    public ObjectNode json() {
        ObjectNode o = JSON.createObjectNode();
        o.put("mode", flow.mode().label());
        put(o, "alpha", flow.alpha());
        put(o, "beta", flow.beta());
        put(o, "stepSize", flow.eta());
        o.put("scheme", flow.scheme().name().toLowerCase(java.util.Locale.ROOT));
        put(o, "fdStep", fdStep);
        o.put("dim", analysis.dim());
        put(o, "stationarityResidual", residual);
        var eig = o.putArray("eigenvalues");
        for (int i = 0; i < analysis.dim(); i++) {
            ObjectNode e = eig.addObject();
            put(e, "re", analysis.re()[i]);
            put(e, "im", analysis.im()[i]);
        }
        put(o, "slowestRealPart", analysis.slowestRealPart());
        o.put("neutralModes", analysis.neutralModes());
        put(o, "slowestNonNeutralRealPart", analysis.slowestNonNeutralRealPart());
        put(o, "traceSPerDim", analysis.traceSPerDim());
        put(o, "sumRealParts", analysis.sumRealParts());
        put(o, "predictedDiscreteRate", predicted());
        put(o, "predictedDiscreteRateFirstOrder", analysis.discreteRateFirstOrder(flow.eta(), true));
        if (fit == null) {
            o.putNull("fit");
        } else {
            ObjectNode f = o.putObject("fit");
            f.put("metric", fit.metric());
            put(f, "rate", fit.rate());
            put(f, "from", fit.from());
            put(f, "to", fit.to());
            f.put("rows", fit.rows());
        }
        put(o, "ratio", ratio());
        return o;
    }

    /** Writes {@code dir/analysis.json} through a temporary file and a rename. */
    public Path write(Path dir) throws IOException {
        Path target = dir.resolve(RunLayout.ANALYSIS);
        Path tmp = dir.resolve("analysis.json.tmp");
        Files.write(tmp, JSON.writeValueAsBytes(json()));
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** A few lines for a terminal. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "mode %s, alpha %s, beta %s, step %s (%s), dim %d, fd step %s%n",
                flow.mode().label(),
                num(flow.alpha()), num(flow.beta()), num(flow.eta()),
                flow.scheme().name().toLowerCase(Locale.ROOT), analysis.dim(), exact() ? "0 (exact Jacobian)" : num(fdStep)));
        row(s, "slowest Re(lambda)", num(analysis.slowestRealPart()) + "  (per unit time; > 0: converges)");
        if (analysis.neutralModes() > 0) {
            row(s, "neutral modes", analysis.neutralModes() + " (|lambda| <= " + num(LinearAnalysis.NEUTRAL)
                    + " max |lambda|; left out below)");
            row(s, "slowest non-neutral Re", num(analysis.slowestNonNeutralRealPart()));
        }
        row(s, "discrete rate at step", num(predicted()));
        row(s, "trace(S)/dim", num(analysis.traceSPerDim()));
        row(s, "sum Re(lambda)", num(analysis.sumRealParts()));
        row(s, "slowest eigenvalues", slowest(4));
        row(s, "stationarity residual", num(residual));
        if (fit == null) {
            row(s, "fitted rate", "n/a (too few positive values)");
        } else {
            row(s, "fitted rate (" + fit.metric() + ")", num(fit.rate()) + "  on t in [" + num(fit.from()) + ", "
                    + num(fit.to()) + "], " + fit.rows() + " rows");
            row(s, "fitted / predicted", num(ratio()));
        }
        return s.toString();
    }

    private String slowest(int k) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(k, analysis.dim()); i++) {
            double im = analysis.im()[i];
            s.append(i == 0 ? "" : ", ").append(num(analysis.re()[i])).append(im < 0 ? " - " : " + ")
                    .append(num(Math.abs(im))).append('i');
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String label, String value) {
        s.append(String.format(Locale.ROOT, "  %-26s %s%n", label, value));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static void put(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }
}
