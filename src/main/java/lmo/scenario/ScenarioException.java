package lmo.scenario;

/**
 * A scenario that cannot be run: unreadable file, syntax error, unknown key, wrong type, value out of range, missing
 * or malformed input file. {@link #getMessage()} is the one-line message for the user, of the form
 * {@code FILE:LINE:COL: key.path: message}, {@code --set key.path: message} or {@code FILE: cannot read: ...}; control
 * characters a value brought into it (a newline, a NUL) are escaped, so it is always one line.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(escape(message), null, false, false);
    }

    /** {@code text} with every ISO control character written as an escape: {@code \n}, {@code \t}, {@code \\u0000}. */
    static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isISOControl(c) && c != 0x2028 && c != 0x2029) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(text.substring(0, i));
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
