package lmo.family;

import java.util.List;
import lmo.scenario.ModelBinding;
import lmo.scenario.ModelSpec;

/**
 * A model family: one {@code model.type}, the keys its mapping accepts (documented: {@link #keys}), and how they bind
 * to its spec {@code S} and build the {@link lmo.model.Model} ({@link ModelBinding}, whose hooks say what differs from
 * a model that moves the particles of a listed population under any dynamics). The built-in families are listed in
 * {@link Families}; a user family comes from a jar ({@code META-INF/services/lmo.family.ModelFamily}).
 *
 * <p>Conventions: key paths are relative to {@code model} ({@code kernel.s} is {@code model.kernel.s}); error
 * messages are thrown at the key they are about, through the reader ({@link lmo.scenario.MapReader#error}); binding
 * checks everything the build needs, so a bound spec builds (up to the content of the files it names).
 *
 * @param <S> the family's spec
 */
public interface ModelFamily<S extends ModelSpec> extends ModelBinding<S> {
    /** The keys of the family's mapping, in documented order, each with its type, default, range and doc. */
    List<Key> keys();
}
