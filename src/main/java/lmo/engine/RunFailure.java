package lmo.engine;

/**
 * A run stopped by a fatal error of the JVM that computes it, rather than by a bug of lmo's: the heap ran out, a
 * thread's stack overflowed, or the actor system stopped under the run (Pekko shuts it down on a fatal error).
 * The engines complete a run with it promptly instead of waiting for reports that will never come; the command
 * writes {@code status: failed} in {@code summary.json} and exits 1 with a readable line.
 */
public final class RunFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind { OUT_OF_MEMORY, STACK_OVERFLOW, STOPPED }

    private final Kind kind;

    public RunFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() { return kind; }

    /** The kind of a fatal error, or null if {@code error} is not one (a bug instead). */
    public static Kind kindOf(Throwable error) {
        if (error instanceof OutOfMemoryError) return Kind.OUT_OF_MEMORY;
        if (error instanceof StackOverflowError) return Kind.STACK_OVERFLOW;
        return null;
    }

    /**
     * The kind of a fatal error reported as text (a shard in another JVM sends {@code String.valueOf(error)}), or
     * null if the text names no fatal error.
     */
    public static Kind kindOf(String error) {
        if (error == null) return null;
        if (error.contains(OutOfMemoryError.class.getName())) return Kind.OUT_OF_MEMORY;
        if (error.contains(StackOverflowError.class.getName())) return Kind.STACK_OVERFLOW;
        return null;
    }

    /** {@code where} hit {@code error}: a failure if the error is fatal, else null. */
    public static RunFailure of(String where, Throwable error) {
        Kind k = kindOf(error);
        return k == null ? null : new RunFailure(k, where + ": " + error);
    }
}
