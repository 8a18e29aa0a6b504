package lmo.engine;

/**
 * What one reduce round combines over all blocks, in block order.
 *
 * <ul>
 *   <li>{@link Kind#CONCAT}: each block writes {@code length} doubles per particle ({@code count * length}); the
 *       summary is their concatenation in block order (every population's blocks, one row per particle in id order;
 *       the model leaves the rows of populations it does not use at zero) — per-particle rows that a model's
 *       {@link lmo.model.Model#globalStep global step} needs together (rows of a kernel matrix, say).</li>
 *   <li>{@link Kind#SUM}: each block writes {@code length} doubles; the summary is their sum, added block by block
 *       in block order (so it does not depend on placement).</li>
 *   <li>{@link Kind#GATHER}: the engine concatenates the positions and masses of every particle of every population,
 *       in id order; the model writes nothing.</li>
 * </ul>
 */
public record Reduction(Kind kind, int length) {
    public enum Kind { SUM, GATHER, CONCAT }

    public static Reduction sum(int length) {
        if (length < 0) throw new IllegalArgumentException("length < 0");
        return new Reduction(Kind.SUM, length);
    }

    public static Reduction gather() { return new Reduction(Kind.GATHER, 0); }

    /** {@code perParticle} doubles per particle, concatenated in block order. */
    public static Reduction concat(int perParticle) {
        if (perParticle < 0) throw new IllegalArgumentException("length < 0");
        return new Reduction(Kind.CONCAT, perParticle);
    }
}
