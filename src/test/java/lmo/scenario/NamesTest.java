package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's {@code name} becomes a directory name: an explicit name must be a plain file-name component, and the
 * default, derived from the scenario's file name, is made into one.
 */
class NamesTest {
    @TempDir Path dir;

    private static final String RULE = "must be a plain file name: letters, digits, '.', '-' and '_', not starting"
            + " with '.', at most 100 characters";

    @Test
    void plainNames() {
        for (String ok : new String[] {"quickstart", "a.b-c_d", "0-stepSize", "_x", "x".repeat(100), "v1.2", "-"}) {
            assertTrue(Names.isPlain(ok), ok);
        }
        for (String bad : new String[] {"", ".", "..", "../x", "a/b", "a\\b", ".hidden", "a b", "a\u0000b", "x".repeat(101),
            "é", "a:b", "~x"}) {
            assertFalse(Names.isPlain(bad), bad);
        }
    }

    @Test
    void aDerivedNameIsMadePlain() {
        assertEquals("quickstart", Names.fromFileName("quickstart.yaml"));
        assertEquals("hidden", Names.fromFileName(".hidden.yaml"), "leading dots dropped");
        assertEquals("a_b", Names.fromFileName("a b.yaml"));
        assertEquals("x.y", Names.fromFileName("x.y.json"), "only the extension goes");
        assertEquals("r_sum_", Names.fromFileName("résumé.yaml"));
        assertEquals("scenario", Names.fromFileName("..yaml"), "nothing left");
        assertEquals("noext", Names.fromFileName("noext"));
        assertEquals("x".repeat(100), Names.fromFileName("x".repeat(150) + ".yaml"));
        for (String f : new String[] {".hidden.yaml", "a b.yaml", "..yaml", "...", " .yaml", "\u0000.yaml", "a/b"}) {
            assertTrue(Names.isPlain(Names.fromFileName(f)), f);
        }
    }

    @Test
    void theDefaultNameOfAFileWithAnAwkwardNameIsPlain() throws Exception {
        String text = Scenarios.TORUS.replace("name: t\n", "");
        assertEquals("hidden", Scenarios.load(Scenarios.write(dir, ".hidden.yaml", text)).name());
        assertEquals("a_b", Scenarios.load(Scenarios.write(dir, "a b.yaml", text)).name());
    }

    @Test
    void anExplicitNameThatIsNotPlainIsAnError() {
        Path x = Scenarios.write(dir, "x.yaml", Scenarios.TORUS.replace("name: t", "name: ../../x"));
        assertEquals(x + ":1:7: name: " + RULE + ", got '../../x'", Scenarios.error(x));
        Path nul = Scenarios.write(dir, "nul.yaml", Scenarios.TORUS.replace("name: t", "name: \"a\\0b\""));
        assertEquals(nul + ":1:7: name: " + RULE + ", got 'a\\u0000b'", Scenarios.error(nul), "the NUL is shown escaped");
        assertEquals("--set name: " + RULE + ", got 'a/b'", Scenarios.error(x, "name=a/b"));
        assertEquals("--set name: must not be empty; expected a plain file name: letters, digits, '.', '-' and '_', not"
                + " starting with '.', at most 100 characters", Scenarios.error(x, "name=''"));
        assertFalse(Scenarios.error(x, "name=" + "n".repeat(101)).isEmpty());
    }
}
