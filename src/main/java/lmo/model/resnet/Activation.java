package lmo.model.resnet;

/** The hidden units' activation sigma and its derivative: {@code tanh} (the authors' nonlinear runs) or the identity. */
public enum Activation {
    TANH("tanh"),
    IDENTITY("identity");

    private final String id;

    Activation(String id) { this.id = id; }

    public String id() { return id; }

    public double value(double p) { return this == TANH ? Math.tanh(p) : p; }

    /** sigma'(p); for tanh from the value t = tanh(p): 1 - t^2. */
    public double slope(double p, double value) { return this == TANH ? 1 - value * value : 1; }

    public static Activation of(String id) {
        for (Activation a : values()) if (a.id.equals(id)) return a;
        throw new IllegalArgumentException("activation must be tanh or identity, not " + id);
    }
}
