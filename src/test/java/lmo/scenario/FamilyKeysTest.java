package lmo.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import lmo.family.Families;
import lmo.family.Key;
import lmo.family.ModelFamily;
import org.junit.jupiter.api.Test;

/**
 * Each family's documented keys ({@link ModelFamily#keys}) are exactly the key paths its binder accepts, and the
 * families' paths are exactly the {@code model} paths of {@link Keys#allPaths}.
 */
class FamilyKeysTest {

    @Test
    void theRegistryListsTheNineBuiltInFamiliesInDocumentedOrder() throws Exception {
        assertEquals(List.of("mmd", "potential", "two-layer", "game", "ot", "barycenter", "resnet", "deep-linear", "mlp"),
                Families.types());
        for (ModelFamily<?> f : Families.all()) assertEquals(f, Families.of(f.type()));
    }

    @Test
    void eachFamilysKeysAreExactlyThePathsItAccepts() {
        for (ModelFamily<?> f : Families.all()) {
            List<String> documented = new ArrayList<>();
            for (Key k : f.keys()) documented.add(k.path());
            assertEquals(documented.size(), new TreeSet<>(documented).size(), f.type() + ": a key listed twice");
            assertEquals(f.paths(), new TreeSet<>(documented), f.type());
            assertEquals("type", documented.get(0), f.type() + ": type comes first");
        }
    }

    @Test
    void everyKeyIsOneLineWithADoc() {
        for (ModelFamily<?> f : Families.all()) {
            for (Key k : f.keys()) {
                for (String column : List.of(k.path(), k.type(), k.defaultValue(), k.range(), k.doc())) {
                    assertFalse(column.contains("\n"), f.type() + " " + k.path());
                }
                assertFalse(k.doc().isBlank(), f.type() + " " + k.path() + ": no doc");
                assertFalse(k.type().isBlank(), f.type() + " " + k.path() + ": no type");
            }
        }
    }

    @Test
    void theFamiliesComposeEveryModelPath() {
        SortedSet<String> fromFamilies = new TreeSet<>();
        for (ModelFamily<?> f : Families.all()) f.paths().forEach(p -> fromFamilies.add("model." + p));
        fromFamilies.add("model");
        SortedSet<String> model = new TreeSet<>();
        for (String p : Keys.allPaths()) if (p.equals("model") || p.startsWith("model.")) model.add(p);
        assertEquals(model, fromFamilies);
        assertTrue(model.contains("model.kernel.method") && model.contains("model.payoff.coefficients[].re"));
    }
}
