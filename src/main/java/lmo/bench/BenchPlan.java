package lmo.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a bench runs: the workloads and their sizes, from {@code --workloads}, {@code --sizes} and {@code --quick}.
 * Every workload by default; each at its README sizes ({@link Workload#sizes}), or its smallest with {@code --quick};
 * {@code --sizes N,N} sets the sizes of every chosen workload, {@code --sizes w1=N,N} those of one (later ones win).
 */
public final class BenchPlan {
    /** The largest size taken (the run's own memory check refuses what does not fit the heap). */
    public static final int MAX_SIZE = 10_000_000;

    private BenchPlan() {}

    /**
     * The plan, workloads in table order (W1, W3, W4).
     *
     * @param workloads names ({@code w1}, {@code W3}, ...); null or empty for all
     * @param sizes {@code --sizes} values, in order
     * @throws IllegalArgumentException naming the option and the value that cannot be used
     */
    public static Map<Workload, List<Integer>> of(List<String> workloads, List<String> sizes, boolean quick) {
        Set<Workload> chosen = new LinkedHashSet<>();
        if (workloads == null || workloads.isEmpty()) chosen.addAll(Bench.WORKLOADS);
        for (String name : workloads == null ? List.<String>of() : workloads) {
            Workload w = Bench.workload(name.strip());
            if (w == null) {
                throw new IllegalArgumentException("--workloads: unknown workload '" + name + "'; expected " + names(Bench.WORKLOADS)
                        + " (W2 and W5 of the shared benchmarks are not lmo workloads)");
            }
            chosen.add(w);
        }
        Map<Workload, List<Integer>> plan = new LinkedHashMap<>();
        for (Workload w : Bench.WORKLOADS) if (chosen.contains(w)) plan.put(w, quick ? w.quickSizes() : w.sizes());
        for (String s : sizes) {
            int eq = s.indexOf('=');
            List<Integer> list = sizeList(s, eq < 0 ? s : s.substring(eq + 1));
            if (eq < 0) {
                plan.replaceAll((w, old) -> list);
                continue;
            }
            Workload w = Bench.workload(s.substring(0, eq).strip());
            if (w == null) {
                throw new IllegalArgumentException("--sizes " + s + ": unknown workload '" + s.substring(0, eq) + "'; expected "
                        + names(Bench.WORKLOADS));
            }
            if (!plan.containsKey(w)) {
                throw new IllegalArgumentException("--sizes " + s + ": " + w.name().toLowerCase(Locale.ROOT)
                        + " is not among --workloads " + names(plan.keySet()));
            }
            plan.put(w, list);
        }
        return plan;
    }

    private static List<Integer> sizeList(String option, String list) {
        List<Integer> sizes = new ArrayList<>();
        for (String v : list.split(",", -1)) {
            int n;
            try {
                n = Integer.parseInt(v.strip());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1 || n > MAX_SIZE) {
                throw new IllegalArgumentException("--sizes " + option + ": '" + v + "' is not a size (an integer from 1 to "
                        + MAX_SIZE + ")");
            }
            sizes.add(n);
        }
        return List.copyOf(sizes);
    }

    private static String names(Collection<Workload> ws) {
        return String.join(", ", ws.stream().map(w -> w.name().toLowerCase(Locale.ROOT)).toList());
    }
}
