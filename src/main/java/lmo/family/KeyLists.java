package lmo.family;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A family's key lists: polymorphic sections as ordered maps from each {@code type} to its keys, and their
 * composition into key paths relative to {@code model} ({@link ModelFamily#paths}).
 */
final class KeyLists {
    private final SortedSet<String> out = new TreeSet<>();

    /** {@code prefix.key} for every key ({@code key} alone for the empty prefix). */
    KeyLists add(String prefix, List<String> keys) {
        for (String k : keys) out.add(prefix.isEmpty() ? k : prefix + "." + k);
        return this;
    }

    /** The keys of every type of a polymorphic mapping. */
    KeyLists addEach(String prefix, Collection<List<String>> keysByType) {
        for (List<String> keys : keysByType) add(prefix, keys);
        return this;
    }

    /** Paths composed elsewhere, taken as they are. */
    KeyLists addAll(Collection<String> paths) {
        out.addAll(paths);
        return this;
    }

    /** {@code type1, keys1, type2, keys2, ...} as an unmodifiable map in that order. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> ordered(Object... typeAndKeys) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < typeAndKeys.length; i += 2) m.put((String) typeAndKeys[i], (List<String>) typeAndKeys[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    SortedSet<String> paths() { return java.util.Collections.unmodifiableSortedSet(out); }

    /** The documented keys of several lists, in order. */
    @SafeVarargs
    static List<Key> concat(List<Key>... lists) {
        List<Key> out = new java.util.ArrayList<>();
        for (List<Key> l : lists) out.addAll(l);
        return List.copyOf(out);
    }
}
