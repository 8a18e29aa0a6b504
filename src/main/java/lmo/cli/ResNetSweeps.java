package lmo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lmo.io.RunLayout;
import lmo.plot.ResNetShapes;
import lmo.plot.SweepTable;
import lmo.family.ResNetSpec;
import lmo.scenario.Scenario;
import lmo.scenario.ScenarioException;
import lmo.scenario.ScenarioLoader;

/** After a sweep of a resnet scenario: the completed points' shapes and errors, into {@link ResNetShapes}. */
final class ResNetSweeps {
    private ResNetSweeps() {}

    /** {@link #report} when the sweep's first completed point is a resnet run. */
    static void reportIfResNet(Path dir, SweepTable table) throws IOException, ScenarioException {
        for (SweepTable.Row r : table.rows()) {
            if (!r.status().equals(SweepTable.COMPLETED)) continue;
            Scenario s = ScenarioLoader.load(dir.resolve(r.dir()).resolve(RunLayout.SCENARIO), List.of());
            if (s.model() instanceof ResNetSpec) report(dir, table);
            return;
        }
    }

    static void report(Path dir, SweepTable table) throws IOException, ScenarioException {
        List<ResNetShapes.Run> runs = new ArrayList<>();
        for (SweepTable.Row r : table.rows()) {
            if (!r.status().equals(SweepTable.COMPLETED)) continue;
            Scenario s = ScenarioLoader.load(dir.resolve(r.dir()).resolve(RunLayout.SCENARIO), List.of());
            ResNetSpec m = (ResNetSpec) s.model();
            runs.add(new ResNetShapes.Run(m.depth(), m.width(), m.embedding(), m.coupled(),
                    r.metrics().getOrDefault("errorEmbedding", Double.NaN), r.metrics().getOrDefault("errorOutput", Double.NaN)));
        }
        if (runs.stream().allMatch(r -> Double.isNaN(r.errorEmbedding()) && Double.isNaN(r.errorOutput()))) return;
        ResNetShapes.write(dir, runs);
        System.out.println("shapes: " + dir.resolve(RunLayout.SHAPES_CSV) + ", fits in " + dir.resolve(RunLayout.SHAPES_JSON));
    }
}
