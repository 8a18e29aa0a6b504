package lmo.model.neural;

import java.util.Locale;

/**
 * The fixed output signs of the {@code mass} readout, by particle id: {@link #POSITIVE} all +1; {@link #BALANCED}
 * +1 for even ids and -1 for odd ids.
 */
public enum Signs {
    POSITIVE, BALANCED;

    /** The sign of particle {@code id}. */
    public double sign(long id) {
        return this == POSITIVE || (id & 1) == 0 ? 1.0 : -1.0;
    }

    public String key() { return name().toLowerCase(Locale.ROOT); }

    public static Signs parse(String name) {
        for (Signs s : values()) if (s.key().equalsIgnoreCase(name)) return s;
        throw new IllegalArgumentException("signs: expected positive or balanced, got " + name);
    }
}
