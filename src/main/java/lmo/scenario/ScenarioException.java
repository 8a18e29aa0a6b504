package lmo.scenario;

/**
 * A scenario that cannot be run: unreadable file, syntax error, unknown key, wrong type, value out of range, missing
 * or malformed input file. {@link #getMessage()} is the one-line message for the user, of the form
 * {@code FILE:LINE:COL: key.path: message}, {@code --set key.path: message} or {@code FILE: cannot read: ...}.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message, null, false, false);
    }
}
