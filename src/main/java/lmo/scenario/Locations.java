package lmo.scenario;

import lmo.scenario.Node.MapNode;
import lmo.scenario.Node.SeqNode;

/**
 * Where the keys of a scenario were written, and what they resolved to: the document tree (overrides applied) with
 * what binding recorded in it ({@link Node.Resolved}), kept with the loaded {@link Scenario} so that errors found
 * after binding, when the model is built ({@link Assembler}), name the file, line and column of their key like every
 * other error, and so that {@link ScenarioWriter} writes the resolved scenario. Locations are not part of a
 * scenario's value: any two are equal, so a scenario loaded from its resolved form equals the original.
 */
public final class Locations {
    /** No document: errors name the key path only (a scenario built in code). */
    static final Locations NONE = new Locations(null);

    private final MapNode root;

    Locations(MapNode root) {
        this.root = root;
    }

    /** The resolved tree; a scenario built in code has none. */
    MapNode tree() {
        if (root == null) throw new IllegalStateException("a scenario built in code has no resolved tree to write");
        return root;
    }

    /** These locations with {@code value} resolved at {@code path} (dotted), e.g. a block size chosen at build. */
    Locations with(String path, Object value) {
        return new Locations(tree().withResolved(path, value));
    }

    /**
     * The error {@code message} about {@code path} (dotted, list items as {@code fit[0]}), located at the value of
     * that key, or at the deepest mapping or list on the way to it that was written; {@code path: message} when
     * there is no document.
     */
    public ScenarioException error(String path, String message) {
        Node at = root == null ? null : find(path);
        if (at == null) return new ScenarioException(path + ": " + message);
        return at.origin().error(path, message);
    }

    /** The node at {@code path}, or the deepest one on the way to it. */
    private Node find(String path) {
        Node n = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            Node next = n instanceof MapNode m ? m.get(key) : null;
            if (next == null) return n;
            n = next;
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                int index;
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, close));
                } catch (RuntimeException e) {
                    return n;
                }
                if (!(n instanceof SeqNode s) || index < 0 || index >= s.items().size()) return n;
                n = s.items().get(index);
                bracket = part.indexOf('[', close);
            }
        }
        return n;
    }

    @Override public boolean equals(Object o) { return o instanceof Locations; }

    @Override public int hashCode() { return 0; }

    @Override public String toString() { return "Locations"; }
}
