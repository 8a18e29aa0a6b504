package lmo.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lmo.family.BarycenterSpec;
import lmo.family.DeepLinearSpec;
import lmo.family.Families;
import lmo.family.GameSpec;
import lmo.family.GaussianKernel;
import lmo.family.KernelSpec;
import lmo.family.MlpSpec;
import lmo.family.MmdSpec;
import lmo.family.NetworkDataSpec;
import lmo.family.OtSpec;
import lmo.family.PayoffSpec;
import lmo.family.ResNetSpec;
import lmo.family.SobolevKernel;
import lmo.family.TeacherSpec;
import lmo.family.TwoLayerSpec;

/**
 * Writes a resolved {@link Scenario} as YAML, every key in documented order ({@link Keys}). Sections are block
 * mappings; small mappings of scalars and lists of numbers are written in flow style ({@code {type: torus, dim: 1}},
 * {@code [0.5]}); strings are quoted unless plainly safe.
 */
final class ScenarioWriter {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9_./-]*");
    /** Words YAML 1.1 would read as booleans or null. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");
    private static final int WIDTH = 100;

    private ScenarioWriter() {}

    static String write(Scenario s) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", s.name());
        top.put("description", s.description());
        top.put("seed", s.seed());
        top.put("steps", s.steps());
        Map<String, Object> pops = new LinkedHashMap<>();
        for (PopulationSpec p : s.populations().values()) {
            Map<String, Object> init = init(p.init());
            if (p.space().isEuclidean()) {
                init.put("scale", p.scale());
                init.put("symmetric", p.symmetric());
            }
            pops.put(p.name(), map("count", p.count(), "space", map("type", p.space().type(), "dim", p.space().dim()),
                    "init", init, "mass", p.mass()));
        }
        PopulationSpec derivedPopulation = Families.derivedPopulation(s.model());
        boolean derived = derivedPopulation != null && s.populations().size() == 1
                && derivedPopulation.equals(s.populations().get(s.model().population()));
        if (!derived) top.put("populations", pops);
        top.put("model", model(s.model()));
        top.put("dynamics", dynamics(s.dynamics()));
        EngineSpec e = s.engine();
        top.put("engine", map("shards", e.shards(), "blockSize", e.autoBlockSize() ? "auto" : e.blockSize(), "sync", e.sync()));
        Map<String, Object> output = map("every", s.output().every(), "snapshotEvery", s.output().snapshotEvery());
        if (s.output().metricsPort() != OutputSpec.OFF) output.put("metricsPort", s.output().metricsPort());
        List<Object> fits = new ArrayList<>();
        for (FitSpec f : s.output().fit()) fits.add(map("metric", f.metric(), "law", f.law(), "from", f.from(), "to", f.to()));
        if (!fits.isEmpty()) output.put("fit", fits);
        PredictorSpec pr = s.output().predictor();
        if (pr != null) output.put("predictor", map("from", pr.from(), "to", pr.to(), "points", pr.points()));
        top.put("output", output);
        top.put("checkpoint", map("every", s.checkpoint().every()));
        StringBuilder out = new StringBuilder();
        block(out, top, 0);
        return out.toString();
    }

    private static Map<String, Object> init(InitSpec init) {
        if (init instanceof UniformInit u) return box(u.type(), u.low(), u.high());
        if (init instanceof GridInit g) return box(g.type(), g.low(), g.high());
        if (init instanceof ListInit l) {
            List<Object> rows = new ArrayList<>();
            for (double[] p : l.positions()) rows.add(list(p));
            Map<String, Object> out = map("type", l.type(), "positions", rows);
            if (l.masses() != null) out.put("masses", list(l.masses()));
            return out;
        }
        if (init instanceof LatticeInit l) {
            Map<String, Object> out = map("type", l.type(), "generator", list(l.generator()));
            out.putAll(box(l.type(), l.low(), l.high()));
            return out;
        }
        if (init instanceof GaussianInit g) return map("type", g.type(), "mean", list(g.mean()), "std", list(g.std()));
        if (init instanceof QuantilesInit q) return map("type", q.type(), "density", density("cosine", q.density()));
        FileInit f = (FileInit) init;
        return map("type", f.type(), "path", f.path().toString());
    }

    private static Map<String, Object> box(String type, double[] low, double[] high) {
        return low == null ? map("type", type) : map("type", type, "low", list(low), "high", list(high));
    }

    private static Map<String, Object> density(String type, CosineDensitySpec d) {
        List<Object> modes = new ArrayList<>();
        for (CosineMode m : d.modes()) {
            List<Object> k = new ArrayList<>();
            for (int x : m.k()) k.add(x);
            modes.add(map("k", k, "amplitude", m.amplitude()));
        }
        return map("type", type, "modes", modes);
    }

    private static Map<String, Object> kernel(KernelSpec k) {
        if (k instanceof SobolevKernel s) return map("type", s.type(), "s", s.s(), "modes", s.modes(), "method", s.method());
        if (k instanceof GaussianKernel g) return map("type", g.type(), "sigma", g.sigma());
        return map("type", k.type());
    }

    private static Map<String, Object> target(TargetSpec t) {
        if (t instanceof CosineTarget c) return density(c.type(), c.density());
        if (t instanceof SamplesTarget s) {
            return s.file() != null ? map("type", s.type(), "file", s.file().toString(), "rows", s.count())
                    : map("type", s.type(), "count", s.count(), "from", init(s.from()));
        }
        return map("type", t.type());
    }

    private static Map<String, Object> model(ModelSpec model) {
        Map<String, Object> out;
        if (model instanceof GameSpec g) {
            return map("type", g.type(), "payoff", payoff(g.payoff()), "path", g.path(),
                    "niError", map("grid", g.niGrid(), "starts", g.niStarts(), "iterations", g.niIterations()));
        }
        if (model instanceof OtSpec ot) {
            Map<String, Object> solver = map("type", ot.solver());
            if (ot.solver().equals("sinkhorn")) solver.put("beta", ot.beta0());
            else solver.put("beta0", ot.beta0());
            if (!Double.isNaN(ot.kappa())) solver.put("kappa", ot.kappa());
            if (!Double.isNaN(ot.sigma())) solver.put("sigma", ot.sigma());
            if (!Double.isNaN(ot.betaMax())) solver.put("betaMax", ot.betaMax());
            out = map("type", ot.type(), "population", ot.population(), "target", target(ot.target()), "cost",
                    ot.cost(), "normalize", ot.normalize(), "solver", solver);
            if (!Double.isNaN(ot.tolerance())) out.put("tolerance", ot.tolerance());
            if (ot.stopAtTolerance()) out.put("stopAtTolerance", true);
            return out;
        }
        if (model instanceof BarycenterSpec b) return barycenter(b);
        if (model instanceof MlpSpec p) {
            out = map("type", p.type(), "variant", p.variant(), "depth", p.depth(), "width", p.width(), "inputDim",
                    p.inputDim(), "outputDim", p.outputDim(), "samples", p.samples());
            if (!Double.isNaN(p.branchScale())) out.put("branchScale", p.branchScale());
            out.put("dataSeed", p.dataSeed());
            out.put("initSeed", p.initSeed());
            return out;
        }
        if (model instanceof DeepLinearSpec l) {
            out = map("type", l.type(), "depth", l.depth(), "dim", l.dim(), "samples", l.samples(), "noise", l.noise(),
                    "dataSeed", l.dataSeed(), "init", map("type", l.init(), "scale", l.scale()), "initSeed", l.initSeed());
            if (l.init().equals("residual")) out.put("readoutSeed", l.readoutSeed());
            out.put("sharpnessEvery", l.sharpnessEvery());
            out.put("sharpnessTolerance", l.sharpnessTolerance());
            return out;
        }
        if (model instanceof ResNetSpec r) {
            out = map("type", r.type(), "depth", r.depth(), "width", r.width(), "embedding", r.embedding(), "inputDim",
                    r.inputDim(), "outputDim", r.outputDim(), "samples", r.samples(), "activation", r.activation(),
                    "dataSeed", r.dataSeed(), "embeddingSeed", r.embeddingSeed(), "coupled", r.coupled());
            if (r.reference() != null) out.put("reference", r.reference().toString());
            out.put("featureSpeed", r.featureSpeed());
            return out;
        }
        if (model instanceof MmdSpec mmd) {
            out = map("type", mmd.type(), "population", mmd.population(), "kernel", kernel(mmd.kernel()),
                    "target", target(mmd.target()));
        } else if (model instanceof TwoLayerSpec t) {
            out = map("type", t.type(), "population", t.population(), "readout", t.readout(), "activation", t.activation(),
                    "bias", t.bias());
            if (t.signs() != null) out.put("signs", t.signs());
            out.put("loss", t.loss());
            out.put("regularization", t.regularization());
            if (t.activeThreshold() != null) out.put("activeThreshold", t.activeThreshold());
            out.put("data", data(t.data()));
        } else {
            out = map("type", model.type(), "population", model.potential().population());
        }
        PotentialSpec p = model.potential();
        if (p != null) out.put("potential", map("type", p.type(), "kappa", p.kappa()));
        return out;
    }

    private static Map<String, Object> barycenter(BarycenterSpec b) {
        List<Object> inputs = new ArrayList<>();
        for (BarycenterSpec.Input in : b.inputs()) {
            if (in instanceof BarycenterSpec.Gaussian g) {
                Map<String, Object> m = map("type", g.type(), "mean", list(g.mean()), "variance", g.variance());
                if (b.solver().equals("particles")) {
                    m.put("sampling", g.sampling());
                    if (g.sampling().equals("lattice")) {
                        m.put("points", g.points());
                        m.put("radius", g.radius());
                    } else {
                        m.put("count", g.count());
                    }
                }
                inputs.add(m);
            } else if (in instanceof BarycenterSpec.Atoms a) {
                List<Object> rows = new ArrayList<>();
                for (double[] p : a.points()) rows.add(list(p));
                inputs.add(map("type", a.type(), "points", rows, "weights", list(a.weights())));
            } else {
                BarycenterSpec.FileInput f = (BarycenterSpec.FileInput) in;
                inputs.add(map("type", f.type(), "file", f.file().toString(), "rows", f.rows()));
            }
        }
        Map<String, Object> solver = map("type", b.solver());
        if (b.solver().equals("particles")) {
            solver.put("stepSize", b.stepSize());
            solver.put("sinkhornIterations", b.sinkhornIterations());
        } else if (!Double.isNaN(b.damping())) {
            solver.put("damping", b.damping());
        }
        return map("type", b.type(), "population", b.population(), "lambda", b.lambda(), "tau", b.tau(),
                "inputs", inputs, "weights", list(b.weights()), "solver", solver);
    }

    private static Map<String, Object> payoff(PayoffSpec p) {
        if (p instanceof PayoffSpec.Example41 e) return map("type", p.type(), "epsilon", e.epsilon());
        if (p instanceof PayoffSpec.UserClass c) return map("type", p.type(), "class", c.className());
        if (p instanceof PayoffSpec.Matrices m) {
            Map<String, Object> out = map("type", m.type());
            if (m.p() != null) out.put("P", matrix(m.p()));
            out.put("B", matrix(m.b()));
            if (m.q() != null) out.put("Q", matrix(m.q()));
            return out;
        }
        PayoffSpec.Fourier f = (PayoffSpec.Fourier) p;
        if (f.randomOrder() != null) return map("type", p.type(), "random", map("order", f.randomOrder(), "seed", f.seed()));
        if (f.file() != null) return map("type", p.type(), "file", f.file().toString());
        List<Object> items = new ArrayList<>();
        for (PayoffSpec.Coefficient c : f.coefficients()) {
            items.add(map("k", new ArrayList<Object>(c.k()), "l", new ArrayList<Object>(c.l()), "re", c.re(), "im", c.im()));
        }
        return map("type", p.type(), "coefficients", items);
    }

    private static Object matrix(PayoffSpec.Matrix m) {
        if (m.file() != null) return m.file().toString();
        List<Object> rows = new ArrayList<>();
        for (List<Double> r : m.rows()) rows.add(new ArrayList<Object>(r));
        return rows;
    }

    private static Map<String, Object> data(NetworkDataSpec d) {
        Map<String, Object> out;
        if (d.generated()) {
            Map<String, Object> inputs = map("type", d.inputs(), "dim", d.dim());
            if (!d.population()) inputs.put("count", d.count());
            out = map("inputs", inputs, "teacher", teacher(d.teacher()));
            if (!d.population()) {
                out.put("noise", d.noise());
                if (d.testCount() > 0) out.put("test", map("count", d.testCount()));
            }
            out.put("seed", d.seed());
        } else {
            out = map("inputs", map("type", d.inputs(), "path", d.inputsFile().toString()),
                    "labels", map("path", d.labelsFile().toString()));
            if (d.testCount() > 0) {
                out.put("test", map("inputs", map("path", d.testInputsFile().toString()),
                        "labels", map("path", d.testLabelsFile().toString())));
            }
        }
        out.put("population", d.population());
        return out;
    }

    private static Map<String, Object> teacher(TeacherSpec t) {
        if (t.type().equals("circle")) {
            return map("type", t.type(), "neurons", t.neurons(), "mass", t.mass(), "density", density("cosine", t.density()));
        }
        Map<String, Object> out = map("type", t.type());
        if (t.type().equals("random")) {
            out.put("neurons", t.neurons());
            out.put("seed", t.seed());
        } else {
            int dp = t.weights().size() / t.neurons();
            List<Object> rows = new ArrayList<>();
            for (int r = 0; r < t.neurons(); r++) rows.add(new ArrayList<Object>(t.weights().subList(r * dp, (r + 1) * dp)));
            out.put("weights", rows);
        }
        if (t.outputs() != null) out.put("outputs", new ArrayList<Object>(t.outputs()));
        out.put("bias", t.bias());
        out.put("activation", t.activation());
        return out;
    }

    private static Object temperature(TemperatureSpec t) {
        return switch (t.type()) {
            case "constant" -> t.a();
            case "geometric" -> map("type", t.type(), "initial", t.a(), "factor", t.factor(), "stageSteps", t.stageSteps());
            case "logarithmic" -> map("type", t.type(), "c", t.a());
            default -> {
                List<Object> steps = new ArrayList<>();
                for (long k : t.steps()) steps.add(k);
                yield map("type", t.type(), "steps", steps, "values", list(t.values()));
            }
        };
    }

    private static Map<String, Object> dynamics(DynamicsSpec d) {
        if (d instanceof WassersteinSpec w) {
            return map("type", w.type(), "stepSize", w.stepSize(), "scaleStepByInit", w.scaleStepByInit());
        }
        if (d instanceof FisherRaoSpec f) {
            return map("type", f.type(), "massStepSize", f.massStepSize(), "conserveMass", f.conserveMass(),
                    "massUpdate", f.massUpdate());
        }
        if (d instanceof WfrSpec w) {
            return map("type", w.type(), "stepSize", w.stepSize(), "massStepSize", w.massStepSize(),
                    "conserveMass", w.conserveMass(), "massUpdate", w.massUpdate(), "scaleStepByInit", w.scaleStepByInit());
        }
        if (d instanceof GdaSpec g) {
            return map("type", g.type(), "method", g.method(), "update", g.update(), "players", g.players(),
                    "stepSize", g.stepSize(), "massStepSize", g.massStepSize());
        }
        if (d instanceof NoneSpec n) return map("type", n.type());
        LangevinSpec l = (LangevinSpec) d;
        return map("type", l.type(), "stepSize", l.stepSize(), "temperature", temperature(l.temperature()),
                "scaleStepByInit", l.scaleStepByInit());
    }

    // ---- emitter ----

    private static void block(StringBuilder out, Map<?, ?> m, int indent) {
        String pad = " ".repeat(indent);
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = pad + scalar(e.getKey()) + ":";
            Object v = e.getValue();
            if (v instanceof Map<?, ?> child && !child.isEmpty()
                    && (indent == 0 || !flat(child) || key.length() + 1 + flow(child).length() > WIDTH)) {
                out.append(key).append('\n');
                block(out, child, indent + 2);
            } else if (v instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Map) {
                out.append(key).append('\n');
                for (Object item : items) out.append(pad).append("  - ").append(flow(item)).append('\n');
            } else {
                out.append(key).append(' ').append(flow(v)).append('\n');
            }
        }
    }

    /** A mapping whose values are scalars or lists of scalars. */
    private static boolean flat(Map<?, ?> m) {
        return m.values().stream().noneMatch(v -> v instanceof Map
                || v instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Map || x instanceof List));
    }

    private static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(scalar(k) + ": " + flow(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(x -> parts.add(flow(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        return scalar(v);
    }

    private static String scalar(Object v) {
        if (!(v instanceof String s)) return String.valueOf(v); // numbers (Double.toString round-trips), booleans
        if (PLAIN.matcher(s).matches() && !RESERVED.contains(s.toLowerCase(Locale.ROOT))) return s;
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': q.append("\\\""); break;
                case '\\': q.append("\\\\"); break;
                case '\n': q.append("\\n"); break;
                case '\t': q.append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
            }
        }
        return q.append('"').toString();
    }

    private static List<Object> list(double[] a) {
        List<Object> l = new ArrayList<>();
        for (double x : a) l.add(x);
        return l;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
