package lmo.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lmo.io.RunLayout;
import lmo.scenario.FitSpec;

/**
 * What the plots need from a run directory's resolved {@code scenario.yaml}: the name, each population's space and
 * the fits asked for. Read as a plain YAML tree (not re-validated), so a run whose input files have moved still
 * plots; a missing scenario.yaml gives the directory's name, no populations and no fits.
 *
 * @param name the run's name
 * @param spaces space type and dimension by population name, in name order
 * @param fits {@code output.fit}
 */
public record RunInfo(String name, Map<String, Space> spaces, List<FitSpec> fits) {

    /** A population's space: {@code torus}, {@code euclidean} or {@code sphere}, and its (ambient) dimension. */
    public record Space(String type, int dim) {}

    /** The run's scenario.yaml as a YAML tree; a missing node when there is none. */
    static JsonNode tree(Path runDir) throws IOException {
        Path yaml = runDir.resolve(RunLayout.SCENARIO);
        if (!Files.isRegularFile(yaml)) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        return root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root;
    }

    public static RunInfo read(Path runDir) throws IOException {
        Path yaml = runDir.resolve(RunLayout.SCENARIO);
        String dirName = runDir.toAbsolutePath().normalize().getFileName().toString();
        if (!Files.isRegularFile(yaml)) return new RunInfo(dirName, Map.of(), List.of());
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        if (root == null || !root.isObject()) throw new IOException(yaml + ": not a scenario");
        Map<String, Space> spaces = new LinkedHashMap<>();
        root.path("populations").fields().forEachRemaining(e -> spaces.put(e.getKey(),
                new Space(e.getValue().path("space").path("type").asText("euclidean"),
                        e.getValue().path("space").path("dim").asInt(1))));
        List<FitSpec> fits = new ArrayList<>();
        for (JsonNode f : root.path("output").path("fit")) {
            fits.add(new FitSpec(f.path("metric").asText(), f.path("law").asText("power"), f.path("from").asDouble(0),
                    f.path("to").asDouble(Double.POSITIVE_INFINITY)));
        }
        return new RunInfo(root.path("name").asText(dirName), spaces, fits);
    }
}
