package lmo.model.game;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User payoff classes ({@code payoff: {type: class, class: NAME}}), loaded by name from the jars given on the command
 * line ({@code --jar PATH}, repeatable; the same jars on every JVM of a cluster run) and lmo's own class path. The jars
 * are process-wide: the CLI sets them once with {@link #useJars} before loading a scenario. One class loader per set
 * of jars, so a class loaded twice is the same class.
 */
public final class UserPayoffs {
    private static volatile List<Path> jars = List.of();
    private static final Map<List<Path>, ClassLoader> LOADERS = new ConcurrentHashMap<>();

    private UserPayoffs() {}

    /** Why loading failed; the message names the class and the jars searched. */
    public static final class LoadException extends Exception {
        LoadException(String message) { super(message); }
    }

    /** Sets the process-wide jars (absolute, normalised); fails on a jar that is not a readable file. */
    public static void useJars(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            Path a = p.toAbsolutePath().normalize();
            if (!Files.isRegularFile(a)) throw new IOException("--jar " + p + ": no such file");
            out.add(a);
        }
        jars = List.copyOf(out);
    }

    /** The process-wide jars. */
    public static List<Path> jars() { return jars; }

    /** A new instance of the named {@link Payoff} class, from {@code jarList} and the class path. */
    public static Payoff load(String className, List<Path> jarList) throws LoadException {
        ClassLoader loader = loader(jarList);
        Class<?> c;
        try {
            c = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            String searched = jarList.isEmpty() ? "no --jar given, only lmo's class path was searched"
                    : "searched " + String.join(", ", jarList.stream().map(Path::toString).toList()) + " and lmo's class path";
            throw new LoadException("payoff class " + className + " not found (" + searched + ")"
                    + (e instanceof LinkageError ? ": " + e : ""));
        }
        if (!Payoff.class.isAssignableFrom(c)) {
            throw new LoadException("class " + className + " does not implement lmo.model.game.Payoff");
        }
        if (Modifier.isAbstract(c.getModifiers())) throw new LoadException("class " + className + " is abstract");
        try {
            return (Payoff) c.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new LoadException("class " + className + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new LoadException("the constructor of " + className + " threw " + e.getCause());
        } catch (InstantiationException e) {
            throw new LoadException("cannot instantiate " + className + ": " + e);
        }
    }

    /**
     * The class loader of user code in {@code jarList} (payoff classes and model families), lmo's own class path as its
     * parent; one per list of jars, so a class loaded twice is the same class.
     */
    public static ClassLoader loader(List<Path> jarList) {
        if (jarList.isEmpty()) return UserPayoffs.class.getClassLoader();
        return LOADERS.computeIfAbsent(List.copyOf(jarList), list -> {
            URL[] urls = new URL[list.size()];
            for (int i = 0; i < urls.length; i++) {
                try {
                    urls[i] = list.get(i).toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            return new URLClassLoader("lmo-payoffs", urls, UserPayoffs.class.getClassLoader());
        });
    }
}
