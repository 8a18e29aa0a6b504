package lmo.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The stream numbers are part of every run's bits: each keeps its number, and a number is shared only where
 * CounterRng's documentation says so (families that never run together).
 */
class CounterRngStreamsTest {
    @Test
    void numbersAndSharingAreTheDocumentedOnes() throws IllegalAccessException {
        Map<Integer, Set<String>> byNumber = new TreeMap<>();
        for (Field f : CounterRng.class.getFields()) {
            if (!f.getName().startsWith("STREAM_") || !Modifier.isStatic(f.getModifiers())) continue;
            byNumber.computeIfAbsent(f.getInt(null), k -> new TreeSet<>()).add(f.getName().substring("STREAM_".length()));
        }
        Map<Integer, Set<String>> want = new TreeMap<>(Map.ofEntries(
                Map.entry(0, Set.of("INIT")), Map.entry(1, Set.of("LANGEVIN")), Map.entry(2, Set.of("TARGET")),
                Map.entry(3, Set.of("PAYOFF")), Map.entry(4, Set.of("BEST_RESPONSE")),
                Map.entry(10, Set.of("BARYCENTER_NOISE", "NEURAL_INPUTS")),
                Map.entry(11, Set.of("BARYCENTER_INPUTS", "NEURAL_LABEL_NOISE")),
                Map.entry(12, Set.of("RESNET", "NEURAL_TEACHER")),
                Map.entry(30, Set.of("MLP_WEIGHTS", "DEEP_LINEAR_INPUTS")),
                Map.entry(31, Set.of("MLP_INPUTS", "DEEP_LINEAR_TEACHER")),
                Map.entry(32, Set.of("MLP_TARGETS", "DEEP_LINEAR_NOISE")),
                Map.entry(33, Set.of("DEEP_LINEAR_LAYERS")), Map.entry(34, Set.of("DEEP_LINEAR_READOUT")),
                Map.entry(35, Set.of("DEEP_LINEAR_START")), Map.entry(36, Set.of("DEEP_LINEAR_REPARAMETRISATION")), Map.entry(50, Set.of("STRAGGLER"))));
        assertEquals(normalise(want), normalise(byNumber));
    }

    private static String normalise(Map<Integer, Set<String>> m) {
        Map<Integer, Set<String>> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, new TreeSet<>(v)));
        return out.toString();
    }
}
