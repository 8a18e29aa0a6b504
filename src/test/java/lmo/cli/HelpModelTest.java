package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lmo.family.Families;
import lmo.family.Key;
import org.junit.jupiter.api.Test;

/** {@code lmo help model [TYPE]}: the registry's types, and one family's keys with type, default, range and doc. */
class HelpModelTest {

    @Test
    void listsTheModelTypesInDocumentedOrder() {
        Cli c = Cli.run("help", "model");
        assertEquals(0, c.exit(), c.err());
        String types = c.out().lines().skip(1).map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
        assertEquals("mmd potential two-layer game ot barycenter resnet deep-linear mlp", types);
    }

    @Test
    void printsAFamilysKeysWithTheirDefaultsRangesAndDocs() throws Exception {
        Cli c = Cli.run("help", "model", "mlp");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("  model.branchScale (number; default `1/sqrt(depth)`; range > 0; `residual` only)\n"
                + "      beta.\n"), c.out());
        assertTrue(c.out().contains("  model.depth (integer; required; range >= 1 (>= 2 residual)"), c.out());
        for (Key k : Families.of("mlp").keys()) assertTrue(c.out().contains("  model." + k.path() + " ("), k.path());
        Cli mmd = Cli.run("help", "model", "mmd");
        assertTrue(mmd.out().contains("  model.kernel.s (number; default `1`; range >= 1)\n      Smoothness s of H^-s.\n"),
                mmd.out());
    }

    @Test
    void anUnknownTypeIsBadInput() {
        Cli c = Cli.run("help", "model", "mdm");
        assertEquals(Main.BAD_INPUT, c.exit());
        assertTrue(c.err().contains("unknown model type 'mdm'; types: mmd, potential, two-layer"), c.err());
    }

    @Test
    void helpOfACommandIsStillItsUsage() {
        Cli c = Cli.run("help", "validate");
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("Usage: lmo validate"), c.out());
        assertEquals(Main.BAD_INPUT, Cli.run("help", "nosuch").exit());
    }
}
