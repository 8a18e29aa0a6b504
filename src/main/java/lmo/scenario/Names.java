package lmo.scenario;

import java.util.regex.Pattern;

/**
 * The rule for names lmo turns into file and directory names: the run's {@code name} (the run directory
 * {@code runs/<name>-<time>} and the sweep directory {@code runs/<name>-sweep-<time>}) and population names (the
 * files {@code final-<population>.npy}, {@code plots/particles-<population>.png}). A name is one plain file-name
 * component: ASCII letters, digits, {@code .}, {@code -} and {@code _}, not starting with {@code .}, at most
 * {@value #MAX_LENGTH} characters. So it never holds a path separator, never climbs out of its directory
 * ({@code ..}), never hides ({@code .x}) and never holds a character a file system refuses (NUL).
 */
public final class Names {
    /** The longest name, in characters. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._-]");

    /** What an error says a name must be. */
    public static final String RULE = "a plain file name: letters, digits, '.', '-' and '_', not starting with '.',"
            + " at most " + MAX_LENGTH + " characters";

    private Names() {}

    /** True if {@code name} follows the rule. */
    public static boolean isPlain(String name) {
        return PLAIN.matcher(name).matches();
    }

    /**
     * The name derived from a file name (the default {@code name} of a scenario file): the file name without its
     * extension, every character the rule does not allow replaced by {@code _}, leading dots dropped, cut to
     * {@value #MAX_LENGTH} characters; {@code scenario} if nothing is left. {@code a b.yaml} gives {@code a_b},
     * {@code .hidden.yaml} gives {@code hidden}.
     */
    public static String fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = NOT_ALLOWED.matcher(base).replaceAll("_").replaceFirst("^\\.+", "");
        if (name.length() > MAX_LENGTH) name = name.substring(0, MAX_LENGTH);
        return name.isEmpty() ? "scenario" : name;
    }
}
