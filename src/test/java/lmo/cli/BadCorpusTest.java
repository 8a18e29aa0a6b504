package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every {@code .yaml} or {@code .json} file under {@code src/test/resources/bad/<group>/} is a
 * scenario a user could write (with its options) that lmo must refuse, run through the real command line
 * ({@link Main#execute}, {@code run} and {@code validate}). Each must end with the expected exit code (2 unless
 * said), exactly the expected line(s) on stderr, nothing on stdout, no stack trace, and no file written: the
 * {@code --out} directory absent, no {@code runs/} entry and no new file in the working directory, the case's
 * directory or the temporary directory.
 *
 * <p>A case starts with comment lines ({@code # key: value}, before the first other line; a {@code .json} case, which
 * cannot hold comments, has them in {@code <case>.json.head}):
 * <ul>
 *   <li>{@code # case: TEXT}: what the user got wrong;</li>
 *   <li>{@code # expect: MESSAGE} (required; repeat it for each line of a message that has several): the exact
 *       stderr line, with {@code ${FILE}} for the scenario path as given on the command line, {@code ${DIR}}
 *       for its directory and {@code ${BAD}} for the corpus root {@code bad/} (absolute);</li>
 *   <li>{@code # args: OPTIONS}: options after the scenario, split on spaces, {@code '...'} or {@code "..."}
 *       quoting a value with spaces; {@code ${DIR}} and {@code ${BAD}} are replaced as above;</li>
 *   <li>{@code # command: run|validate|both} (default {@code both}: the same message from both; options that only
 *       {@code run} takes, and errors found when the model is built, need {@code run}, except the refusals of an
 *       asynchronous {@code engine.sync}, for which {@code validate} builds the model);</li>
 *   <li>{@code # exit: N} (default 2);</li>
 *   <li>{@code # out: none}: {@code run} without {@code --out} (where the run directory would be
 *       {@code runs/<name>-<time>}, which must not appear);</li>
 *   <li>{@code # pad: BYTES}: run a copy of the case, in a temporary directory, padded with a comment to BYTES
 *       bytes (a file too large to commit).</li>
 * </ul>
 * Input files the cases read are in {@code bad/data/}. To add a case, write the file, run this test, and check that
 * the message it reports names the file, line, column, key and what was expected.
 */
class BadCorpusTest {
    private static final Path ROOT = root();

    @TempDir Path tmp;

    /** One case: its file (relative to {@code bad/}) and header. */
    record Case(String name, Path file, Map<String, List<String>> header) {
        String one(String key, String def) {
            List<String> v = header.get(key);
            return v == null ? def : v.get(0);
        }

        @Override public String toString() { return name; }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (f.getParent().equals(ROOT.resolve("data")) || !(n.endsWith(".yaml") || n.endsWith(".json"))) continue;
                out.add(new Case(ROOT.relativize(f).toString(), f, header(f)));
            }
        }
        return out.stream();
    }

    private static final List<String> KEYS = List.of("case", "expect", "args", "command", "exit", "out", "pad");

    /**
     * The {@code # key: value} lines at the top of a case, or of its {@code .head} file for JSON (read as bytes: a
     * case may hold invalid UTF-8 further down).
     */
    static Map<String, List<String>> header(Path f) throws IOException {
        Map<String, List<String>> h = new TreeMap<>();
        Path from = f.toString().endsWith(".json") ? f.resolveSibling(f.getFileName() + ".head") : f;
        String text = new String(Files.readAllBytes(from), StandardCharsets.ISO_8859_1);
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("# ")) break;
            int colon = line.indexOf(':');
            if (colon < 0) break;
            String key = line.substring(2, colon).strip();
            if (!KEYS.contains(key)) throw new IllegalArgumentException(f + ": unknown header key '" + key + "'; one of " + KEYS);
            h.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
        }
        return h;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsMessageAndNothingWritten(Case c) throws IOException {
        List<String> expect = c.header().get("expect");
        assertTrue(expect != null && !expect.isEmpty(), c + ": no '# expect:' line");
        Path file = c.file();
        if (c.header().containsKey("pad")) file = padded(c, Integer.parseInt(c.one("pad", "0")));
        String command = c.one("command", "both");
        assertTrue(List.of("run", "validate", "both").contains(command), c + ": command " + command);
        for (String sub : command.equals("both") ? List.of("run", "validate") : List.of(command)) {
            check(c, file, sub, expect);
        }
    }

    private void check(Case c, Path file, String sub, List<String> expect) throws IOException {
        String dir = file.getParent().toString();
        List<String> args = new ArrayList<>(List.of(sub, file.toString()));
        for (String a : split(c.one("args", ""))) args.add(a.replace("${DIR}", dir).replace("${BAD}", ROOT.toString()));
        Path out = tmp.resolve("out");
        if (sub.equals("run") && !c.one("out", "").equals("none")) args.add("--out=" + out);
        List<String> cwd = listing(Path.of("")), runs = listing(Path.of("runs")), caseDir = listing(file.getParent());
        List<String> temp = listing(tmp);

        Cli r = Cli.run(args.toArray(new String[0]));

        String what = c + " (" + sub + ")";
        StringBuilder want = new StringBuilder();
        for (String e : expect) {
            want.append(e.replace("${FILE}", file.toString()).replace("${DIR}", dir).replace("${BAD}", ROOT.toString()))
                    .append('\n');
        }
        assertEquals(want.toString(), r.err(), what + ": stderr");
        assertEquals(Integer.parseInt(c.one("exit", "2")), r.exit(), what + ": exit code");
        assertEquals("", r.out(), what + ": stdout");
        assertFalse(r.err().contains("at lmo.") || r.err().contains("Exception"), what + ": a stack trace");
        assertFalse(Files.exists(out), what + ": --out was written");
        assertEquals(cwd, listing(Path.of("")), what + ": a file in the working directory");
        assertEquals(runs, listing(Path.of("runs")), what + ": a run directory under runs/");
        assertEquals(caseDir, listing(file.getParent()), what + ": a file beside the scenario");
        assertEquals(temp, listing(tmp), what + ": a file in the temporary directory");
    }

    /** A copy of the case in the temporary directory, padded with a comment line to {@code bytes} bytes. */
    private Path padded(Case c, int bytes) throws IOException {
        byte[] text = Files.readAllBytes(c.file());
        int fill = bytes - text.length - 3;
        assertTrue(fill > 0, c + ": pad to more than the case's " + text.length + " bytes");
        Path copy = tmp.resolve(c.file().getFileName().toString());
        Files.write(copy, text);
        Files.writeString(copy, "# " + "x".repeat(fill) + "\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(bytes, Files.size(copy));
        return copy;
    }

    /** Options split on spaces; {@code '...'} and {@code "..."} quote a part with spaces (the quotes are dropped). */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (char ch : s.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) quote = 0;
                else cur.append(ch);
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
                if (cur == null) cur = new StringBuilder();
            } else if (ch == ' ') {
                if (cur != null) out.add(cur.toString());
                cur = null;
            } else {
                if (cur == null) cur = new StringBuilder();
                cur.append(ch);
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed quote in: " + s);
        if (cur != null) out.add(cur.toString());
        return out;
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The corpus is there, of the size and spread it claims. */
    @Test
    void coversEveryModelFamilyAndOption() throws IOException {
        List<Case> all = cases().toList();
        assertTrue(all.size() >= 60, all.size() + " cases");
        for (String family : List.of("mmd", "two-layer", "game", "ot", "barycenter", "potential", "resnet", "deep-linear",
                "mlp", "scenario", "options")) {
            assertTrue(all.stream().anyMatch(c -> c.name().startsWith(family + "/")), "no case in bad/" + family);
        }
        String args = String.join(" ", all.stream().map(c -> c.one("args", "")).toList());
        for (String option : List.of("--set", "--seed", "--shards", "--engine", "--jar", "--metrics-port")) {
            assertTrue(args.contains(option), "no case with " + option);
        }
        assertTrue(all.stream().anyMatch(c -> !c.one("command", "both").equals("run")), "no case runs validate");
    }

    @Test
    void optionsSplitLikeAShell() {
        assertEquals(List.of("--set", "model.kernel={type: gaussian}", "--seed", "3", ""),
                split("--set 'model.kernel={type: gaussian}' --seed 3 \"\""));
    }

    private static Path root() {
        try {
            return Path.of(BadCorpusTest.class.getResource("/bad").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("no bad/ corpus on the test class path", e));
        }
    }
}
