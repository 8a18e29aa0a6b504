package lmo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A workload of the shared benchmarks (bench/README.md) as lmo runs it: its scenario (a resource of this package,
 * resized by {@code --set}), its sizes, and how its figures are measured at one size through {@link Bench#run}.
 */
public interface Workload {
    /** {@code W1}, {@code W3}, {@code W4}; lower case, the name {@code --workloads} takes. */
    String name();

    /** The symbol of its size in the table: {@code n} (W1: n = m) or {@code N}. */
    String sizeSymbol();

    /** The sizes of a full bench, as the shared README defines them. */
    List<Integer> sizes();

    /** The sizes of {@code --quick}: the smallest of {@link #sizes}. */
    default List<Integer> quickSizes() { return List.of(sizes().get(0)); }

    /** The scenario's resource name, next to this class. */
    String scenario();

    /** Writes what the scenario reads besides itself into {@code dir}, for sizes up to {@code largest}. */
    default void prepare(Path dir, int largest) throws IOException {}

    /** Runs the workload at {@code size} and returns its figures. */
    List<Figure> measure(int size, Bench bench) throws IOException;
}
