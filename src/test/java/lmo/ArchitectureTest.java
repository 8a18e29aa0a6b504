package lmo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's layers hold, read from the sources under {@code src/main/java}: {@code lmo.particles} (particle data)
 * below {@code lmo.engine} (the pure step machine) below the actor layer, itself {@code lmo.actor.cluster.wire} below
 * {@code lmo.actor.cluster} below {@code lmo.actor}; no package refers to one above it. Nothing in the actor layer
 * reads a scenario ({@code lmo.scenario}), the models see particle data only (neither {@code lmo.engine} nor
 * {@code lmo.actor}), the particle data rests on the mathematics alone, and neither it nor the step machine uses
 * Pekko. A reference is an import or a fully qualified name in the code; comments and string literals are not read.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** The layers, lowest first; a package belongs to the longest that prefixes it. */
    private static final List<String> LAYERS = List.of("lmo.particles", "lmo.engine", "lmo.actor.cluster.wire",
            "lmo.actor.cluster", "lmo.actor");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    /** A qualified name's package: lowercase segments before a class name or a wildcard. */
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:lmo|org\\.apache\\.pekko)(?:\\.[a-z_]\\w*)*)\\.(?:[A-Z]|\\*)");

    private record Source(Path file, String pkg, TreeSet<String> refers) {}

    private static List<Source> sources;

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().map(ArchitectureTest::source).toList();
        }
    }

    private static Source source(Path file) {
        String code;
        try {
            code = codeOnly(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher p = PACKAGE.matcher(code);
        String pkg = p.find() ? p.group(1) : "";
        TreeSet<String> refers = new TreeSet<>();
        Matcher r = REFERENCE.matcher(code);
        while (r.find()) refers.add(r.group(1));
        refers.remove(pkg);
        return new Source(MAIN.relativize(file), pkg, refers);
    }

    /** The text without comments and with empty string, text block and character literals. */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') i += text.charAt(i) == '\\' ? 2 : 1;
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The position in {@link #LAYERS} of the layer {@code pkg} belongs to (the longest prefix), or -1. */
    private static int layer(String pkg) {
        int best = -1;
        for (int k = 0; k < LAYERS.size(); k++) {
            if (within(pkg, LAYERS.get(k)) && (best < 0 || LAYERS.get(k).length() > LAYERS.get(best).length())) best = k;
        }
        return best;
    }

    private static boolean within(String pkg, String root) {
        return pkg.equals(root) || pkg.startsWith(root + ".");
    }

    /** "file refers to package" for every reference of a source in {@code from} to a package that {@code banned}. */
    private static List<String> violations(Predicate<String> from, Predicate<String> banned) {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            if (!from.test(s.pkg())) continue;
            for (String r : s.refers()) if (banned.test(r)) out.add(s.file() + " refers to " + r);
        }
        return out;
    }

    @Test
    void everyLayerHoldsSources() {
        for (String l : LAYERS) {
            assertTrue(sources.stream().anyMatch(s -> layer(s.pkg()) == LAYERS.indexOf(l)), "no source in " + l);
        }
    }

    @Test
    void noPackageRefersToALayerAboveIt() {
        List<String> out = new ArrayList<>();
        for (Source s : sources) {
            int mine = layer(s.pkg());
            if (mine < 0) continue;
            for (String r : s.refers()) {
                if (layer(r) > mine) out.add(s.file() + " (" + LAYERS.get(mine) + ") refers to " + r);
            }
        }
        assertEquals(List.of(), out);
    }

    @Test
    void theActorLayerReadsNoScenario() {
        assertEquals(List.of(), violations(p -> within(p, "lmo.actor"), r -> within(r, "lmo.scenario")));
    }

    @Test
    void theModelsSeeParticleDataOnly() {
        assertEquals(List.of(), violations(p -> within(p, "lmo.model"),
                r -> within(r, "lmo.engine") || within(r, "lmo.actor")));
    }

    @Test
    void theParticleDataRestsOnTheMathematicsAlone() {
        List<String> below = List.of("lmo.space", "lmo.numeric", "lmo.rng");
        assertEquals(List.of(), violations(p -> within(p, "lmo.particles"),
                r -> within(r, "lmo") && below.stream().noneMatch(b -> within(r, b))));
    }

    @Test
    void theParticleDataAndTheStepMachineUseNoPekkoAndNoScenario() {
        assertEquals(List.of(), violations(p -> within(p, "lmo.particles") || within(p, "lmo.engine"),
                r -> within(r, "org.apache.pekko") || within(r, "lmo.scenario") || within(r, "lmo.cli")));
    }

    @Test
    void thePlacementAndSilenceRulesOfTheSchedulerArePure() {
        Map<String, Source> byFile = new HashMap<>();
        for (Source s : sources) byFile.put(s.file().toString().replace('\\', '/'), s);
        for (String f : List.of("lmo/actor/Placement.java", "lmo/actor/SilenceWatch.java")) {
            Source s = byFile.get(f);
            assertTrue(s != null, f + " is missing");
            assertEquals(List.of(), s.refers().stream().filter(r -> within(r, "org.apache.pekko")).toList(), f);
        }
    }

    /**
     * The packages of lmo form no cycle: in particular {@code lmo.scenario} (the document, its binder and assembler)
     * names no model family; it reaches them through {@code lmo.scenario.ModelCatalog}, a service
     * {@code lmo.family.Families} provides.
     */
    @Test
    void noPackageCycle() {
        Map<String, TreeSet<String>> edges = new java.util.TreeMap<>();
        for (Source s : sources) {
            TreeSet<String> to = edges.computeIfAbsent(s.pkg(), k -> new TreeSet<>());
            s.refers().stream().filter(r -> within(r, "lmo")).forEach(to::add);
        }
        Map<String, TreeSet<String>> reach = new java.util.TreeMap<>();
        for (String p : edges.keySet()) {
            TreeSet<String> seen = new TreeSet<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(edges.get(p));
            while (!todo.isEmpty()) {
                String q = todo.pop();
                if (seen.add(q)) todo.addAll(edges.getOrDefault(q, new TreeSet<>()));
            }
            reach.put(p, seen);
        }
        TreeSet<String> cycles = new TreeSet<>();
        for (String a : reach.keySet()) {
            for (String b : reach.get(a)) {
                if (a.compareTo(b) < 0 && reach.getOrDefault(b, new TreeSet<>()).contains(a)) cycles.add(a + " <-> " + b);
            }
        }
        assertEquals(new TreeSet<>(), cycles);
    }

    @Test
    void commentsAndStringsAreNotReferences() {
        assertEquals("a   b\"\" c\n''", codeOnly("a /* lmo.actor.X */ b\"lmo.actor.Y\" c// lmo.actor.Z\n'x'"));
    }
}
