package lmo.metrics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link StatusSnapshot} as the JSON of {@code /status}:
 * {@code {"name", "description", "steps", "step", "stepsPerSecond", "etaSeconds", "status", "message",
 * "columns": [...], "rows": [[step, v1, v2, ...], ...], "wallSeconds": [one per row], "timeStep", "sync",
 * "staleness", "sample"}}, and in an asynchronous run {@code "shardSteps": [...], "stalenessUsed": {"count", "mean",
 * "max", "counts": [...]}}; {@code "sample"} is the live sample of the particles ({@link LiveSample#json()}) or null
 * before the first. A number that is not finite (NaN, infinities: a rate not known yet, a diverged metric, a time
 * step not known) is written as null. docs/monitoring.md describes every field. Threading: stateless, any thread;
 * it reads only the immutable snapshot (the sample's JSON is written on the first request after each sample).
 */
public final class StatusJson {
    private static final JsonFactory JSON = new JsonFactory();

    private StatusJson() {}

    public static byte[] write(StatusSnapshot s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 24 * s.rows().size() * (1 + s.columns().size()));
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("name", s.name());
            g.writeStringField("description", s.description());
            g.writeNumberField("steps", s.steps());
            g.writeNumberField("step", s.step());
            number(g, "stepsPerSecond", s.stepsPerSecond());
            number(g, "etaSeconds", s.etaSeconds());
            g.writeStringField("status", s.status());
            if (s.message() != null) g.writeStringField("message", s.message());
            g.writeArrayFieldStart("columns");
            for (String c : s.columns()) g.writeString(c);
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (double[] row : s.rows()) {
                g.writeStartArray();
                g.writeNumber((long) row[0]);
                for (int i = 1; i < row.length - 1; i++) value(g, row[i]);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("wallSeconds");
            for (double[] row : s.rows()) value(g, row[row.length - 1]);
            g.writeEndArray();
            number(g, "timeStep", s.timeStep());
            g.writeStringField("sync", s.sync());
            g.writeNumberField("staleness", s.staleness());
            if (s.stalenessUsed() != null) {
                g.writeArrayFieldStart("shardSteps");
                for (long k : s.shardSteps()) g.writeNumber(k);
                g.writeEndArray();
                StatusSnapshot.Staleness u = s.stalenessUsed();
                g.writeObjectFieldStart("stalenessUsed");
                g.writeNumberField("count", u.count());
                number(g, "mean", u.mean());
                g.writeFieldName("max");
                if (u.max() == null) g.writeNull();
                else g.writeNumber(u.max());
                g.writeArrayFieldStart("counts");
                for (long c : u.counts()) g.writeNumber(c);
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeFieldName("sample");
            if (s.sample() == null) g.writeNull();
            else g.writeRawValue(s.sample().json());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }

    private static void number(JsonGenerator g, String field, double v) throws IOException {
        g.writeFieldName(field);
        value(g, v);
    }

    private static void value(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumber(v);
        else g.writeNull();
    }
}
