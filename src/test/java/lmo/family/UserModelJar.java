package lmo.family;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The jar of {@code examples/user-model} as its own pom builds it: its sources compiled against lmo's classes
 * ({@code target/classes}, which is what the {@code provided} dependency puts on the class path) and its resources
 * ({@code META-INF/services/lmo.family.ModelFamily}) packed beside them; built once per directory.
 */
public final class UserModelJar {
    /** The example's root, relative to lmo's. */
    public static final Path ROOT = Path.of("examples/user-model");

    private UserModelJar() {}

    /** {@code dir/quadratic-interaction.jar}, compiled now. */
    public static Path build(Path dir) throws IOException {
        Path jar = dir.resolve("quadratic-interaction.jar");
        if (Files.exists(jar)) return jar;
        Path classes = Files.createDirectories(dir.resolve("user-model-classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-cp",
                Path.of("target/classes").toAbsolutePath().toString(), "-d", classes.toString()));
        try (Stream<Path> sources = Files.walk(ROOT.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("javac failed on " + ROOT);
        }
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(f)) {
            pack(out, classes);
            pack(out, ROOT.resolve("src/main/resources"));
        }
        return jar;
    }

    private static void pack(JarOutputStream out, Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : files) {
            out.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
            out.write(Files.readAllBytes(p));
            out.closeEntry();
        }
    }
}
