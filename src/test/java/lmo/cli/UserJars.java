package lmo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles one user class against lmo's classes and packs it into a jar, as a user would for {@code --jar}. */
final class UserJars {
    private UserJars() {}

    /**
     * {@code dir/<name>.jar} holding {@code com.example.<simpleName>} compiled from {@code source}.
     */
    static Path compile(Path dir, String name, String simpleName, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src/com/example")).resolve(simpleName + ".java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-cp", Path.of("target/classes").toAbsolutePath().toString(), "-d",
                classes.toString(), src.toString());
        assertEquals(0, rc, "javac");
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(f)) {
            out.putNextEntry(new JarEntry("com/example/" + simpleName + ".class"));
            out.write(Files.readAllBytes(classes.resolve("com/example/" + simpleName + ".class")));
            out.closeEntry();
        }
        return jar;
    }
}
