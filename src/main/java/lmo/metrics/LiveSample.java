package lmo.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import lmo.particles.Gathered;

/**
 * The particles the status page draws: the thinned sample the engine handed to {@link StatusBoard#onLiveSample}
 * (kept by reference, never copied on the scheduler's thread), with each population's space as the run started.
 * Its JSON ({@code /status} {@code "sample"}, see docs/monitoring.md) is written on the first HTTP request that
 * asks for it and reused by the following ones until the next sample: the scheduler never serialises anything.
 *
 * <p>Fails: never on a sample of another shape than the run's populations: a population the run did not announce
 * is written with {@code "space": null} and its sampled count; a coordinate or mass that is not finite at float
 * precision is written as null.
 * A population of more than {@value #MAX_SHOWN} particles in the sample (the engine sends at most 2000) is thinned
 * evenly by id to at most that many. Threading: immutable once made (the engine does not modify a sample it has
 * handed over); {@link #json()} may run on several HTTP threads at once, each then writes the same text.
 */
final class LiveSample {
    /** The most particles per population written, whatever the sample holds. */
    static final int MAX_SHOWN = 5000;
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * One population as the page knows it.
     *
     * @param name its name in the scenario
     * @param space torus, euclidean or sphere
     * @param dim coordinates per particle (the ambient dimension on the sphere)
     * @param count its full particle count (the sample holds at most a few thousand of them)
     */
    record Population(String name, String space, int dim, int count) {}

    /**
     * How the page draws a population: a mass-weighted histogram of one coordinate, or a scatter of two coloured by
     * mass, and which coordinates ({@code projection}):
     * <ul>
     *   <li>{@code x}: the coordinate of a 1-D space (torus or euclidean dim 1, the sphere S^0), histogram;
     *   <li>{@code angle}: the circle (sphere dim 2) as the angle atan2(x2, x1) in (-pi, pi], histogram;
     *   <li>{@code xy}: the two coordinates of a torus or euclidean dim 2, scatter (the torus in the unit square);
     *   <li>{@code lonlat}: the sphere S^2 (dim 3) as longitude atan2(x2, x1) and latitude asin(x3), in degrees,
     *       scatter;
     *   <li>{@code first-two}: any other space (dim 3 or more, the sphere dim 4 or more): its first two coordinates,
     *       scatter, and the page says so.
     * </ul>
     */
    record View(String plot, String projection) {
        static final String HISTOGRAM = "histogram";
        static final String SCATTER = "scatter";
    }

    private final long step;
    private final Gathered sample;
    private final List<Population> populations;
    /** The JSON, once written. */
    private volatile String json;

    /**
     * @param step the step of the sampled state
     * @param sample the sampled positions and masses, by population, in id order (kept, not copied: not to be
     *     modified after)
     * @param populations the run's populations by index, from {@link StatusBoard#onStart} (an immutable list)
     */
    LiveSample(long step, Gathered sample, List<Population> populations) {
        this.step = step;
        this.sample = sample;
        this.populations = populations;
    }

    long step() { return step; }

    /** The view of a population on {@code space} with {@code dim} coordinates; {@code space} may be null (unknown). */
    static View view(String space, int dim) {
        boolean sphere = "sphere".equals(space);
        if (dim <= 1) return new View(View.HISTOGRAM, "x");
        if (sphere && dim == 2) return new View(View.HISTOGRAM, "angle");
        if (sphere && dim == 3) return new View(View.SCATTER, "lonlat");
        if (!sphere && dim == 2) return new View(View.SCATTER, "xy");
        return new View(View.SCATTER, "first-two");
    }

    /**
     * The sample as the JSON value of {@code "sample"}: {@code {"step", "populations": [{"name", "space", "dim",
     * "count", "sampled", "plot", "projection", "positions": [flat, sampled * dim], "masses": [sampled]}]}}, numbers at
     * float precision (enough to draw). Written once per sample.
     */
    String json() {
        String done = json;
        if (done != null) return done;
        StringWriter out = new StringWriter(1024 + 24 * totalCoordinates());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("step", step);
            g.writeArrayFieldStart("populations");
            for (int p = 0; p < sample.m().length; p++) population(g, p);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string does not fail
        }
        done = out.toString();
        json = done; // a benign race: every thread writes the same text
        return done;
    }

    private int totalCoordinates() {
        long n = 0;
        for (int p = 0; p < sample.m().length; p++) n += (long) Math.min(sample.m()[p].length, MAX_SHOWN) * (sample.dim()[p] + 1);
        return (int) Math.min(n, 1 << 24);
    }

    private void population(JsonGenerator g, int p) throws IOException {
        double[] x = sample.x()[p];
        double[] m = sample.m()[p];
        int dim = sample.dim()[p];
        int n = m.length;
        Population info = p < populations.size() ? populations.get(p) : null;
        int stride = (n + MAX_SHOWN - 1) / MAX_SHOWN;
        int shown = stride <= 1 ? n : (n + stride - 1) / stride;
        View view = view(info == null ? null : info.space(), dim);
        g.writeStartObject();
        g.writeStringField("name", info == null ? "population " + p : info.name());
        if (info == null) g.writeNullField("space");
        else g.writeStringField("space", info.space());
        g.writeNumberField("dim", dim);
        g.writeNumberField("count", info == null ? n : info.count());
        g.writeNumberField("sampled", shown);
        g.writeStringField("plot", view.plot());
        g.writeStringField("projection", view.projection());
        g.writeArrayFieldStart("positions");
        for (int i = 0; i < n; i += Math.max(stride, 1)) {
            for (int j = 0; j < dim; j++) value(g, x[i * dim + j]);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("masses");
        for (int i = 0; i < n; i += Math.max(stride, 1)) value(g, m[i]);
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, double v) throws IOException {
        float f = (float) v;
        if (Float.isFinite(f)) g.writeNumber(f);
        else g.writeNull();
    }
}
