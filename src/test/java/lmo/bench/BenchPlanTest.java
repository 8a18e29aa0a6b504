package lmo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --workloads}, {@code --sizes} and {@code --quick} make the plan the README defines by default, the smallest
 * sizes with --quick, the sizes given otherwise; a name or size that cannot be used is refused, naming it.
 */
class BenchPlanTest {
    private static Map<String, List<Integer>> plan(List<String> workloads, List<String> sizes, boolean quick) {
        Map<String, List<Integer>> named = new java.util.LinkedHashMap<>();
        BenchPlan.of(workloads, sizes, quick).forEach((w, s) -> named.put(w.name(), s));
        return named;
    }

    @Test
    void byDefaultEveryWorkloadRunsAtTheReadmeSizes() {
        assertEquals(Map.of("W1", List.of(1000, 4000, 10000), "W3", List.of(1000, 10000), "W4", List.of(4096, 16384)),
                plan(null, List.of(), false));
        assertEquals(List.of("W1", "W3", "W4"), List.copyOf(plan(List.of(), List.of(), false).keySet()));
    }

    @Test
    void quickRunsTheSmallestSizeOfEach() {
        assertEquals(Map.of("W1", List.of(1000), "W3", List.of(1000), "W4", List.of(4096)), plan(null, List.of(), true));
    }

    @Test
    void workloadsAreChosenByNameInTableOrder() {
        assertEquals(List.of("W1", "W4"), List.copyOf(plan(List.of("W4", "w1", "w4"), List.of(), false).keySet()));
    }

    @Test
    void sizesApplyToEveryChosenWorkloadOrToTheOneNamed() {
        assertEquals(Map.of("W1", List.of(10, 20), "W4", List.of(10, 20)), plan(List.of("w1", "w4"), List.of("10,20"), false));
        assertEquals(Map.of("W1", List.of(1000), "W3", List.of(50), "W4", List.of(4096)), plan(null, List.of("w3=50"), true));
        assertEquals(Map.of("W3", List.of(7)), plan(List.of("w3"), List.of("5", "w3=7"), false), "later ones win");
    }

    @Test
    void anUnknownWorkloadIsRefusedWithTheKnownOnes() {
        String m = assertThrows(IllegalArgumentException.class, () -> BenchPlan.of(List.of("w2"), List.of(), false)).getMessage();
        assertTrue(m.startsWith("--workloads: unknown workload 'w2'; expected w1, w3, w4"), m);
        m = assertThrows(IllegalArgumentException.class, () -> BenchPlan.of(null, List.of("w9=10"), false)).getMessage();
        assertTrue(m.startsWith("--sizes w9=10: unknown workload 'w9'"), m);
    }

    @Test
    void sizesOfAWorkloadNotChosenAreRefused() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> BenchPlan.of(List.of("w1"), List.of("w3=100"), false)).getMessage();
        assertEquals("--sizes w3=100: w3 is not among --workloads w1", m);
    }

    @Test
    void aSizeMustBeAnIntegerFromOneToTenMillion() {
        for (String bad : List.of("0", "-5", "1.5", "abc", "", "10,", "w1=", "20000000")) {
            String m = assertThrows(IllegalArgumentException.class, () -> BenchPlan.of(null, List.of(bad), false), bad)
                    .getMessage();
            assertTrue(m.startsWith("--sizes " + bad + ": '") && m.endsWith("is not a size (an integer from 1 to 10000000)"), m);
        }
    }
}
