package lmo.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import lmo.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar's model families join the registry after the built-in ones, under a type of their own: a type that is taken
 * or not a plain lower-case name is refused with a message naming the jar and the class.
 */
class UserFamilyLoadingTest {
    @TempDir Path dir;

    /** A jar with one family {@code com.example.F} whose {@code type()} is {@code type}. */
    private Path jar(String name, String type) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "/com/example")).resolve("F.java");
        Files.writeString(src, """
                package com.example;
                import java.util.*;
                import lmo.family.*;
                import lmo.scenario.*;
                public final class F implements ModelFamily<F.S> {
                    public record S(String population) implements ModelSpec {
                        public String type() { return "TYPE"; }
                        public PotentialSpec potential() { return null; }
                    }
                    public String type() { return "TYPE"; }
                    public List<Key> keys() { return List.of(); }
                    public SortedSet<String> paths() { return new TreeSet<>(); }
                    public Class<S> specType() { return S.class; }
                    public S bind(MapReader m, BindContext c) throws ScenarioException { return new S(c.population(m)); }
                    public lmo.model.Model build(S s, BuildContext c) { throw new UnsupportedOperationException(); }
                }
                """.replace("TYPE", type));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-cp",
                Path.of("target/classes").toAbsolutePath().toString(), "-d", classes.toString(), src.toString()));
        Path jar = dir.resolve(name + ".jar");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(f)) {
            for (String c : new String[] {"F", "F$S"}) {
                out.putNextEntry(new JarEntry("com/example/" + c + ".class"));
                out.write(Files.readAllBytes(classes.resolve("com/example/" + c + ".class")));
            }
            out.putNextEntry(new JarEntry("META-INF/services/lmo.family.ModelFamily"));
            out.write("com.example.F\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    @Test
    void aJarsFamilyComesAfterTheBuiltInOnes() throws Exception {
        Path jar = jar("ok", "my-model");
        List<String> types = Families.types(List.of(jar));
        assertEquals(Families.all().size() + 1, types.size());
        assertEquals("my-model", types.get(types.size() - 1));
        assertEquals("com.example.F", Families.lookup("my-model", List.of(jar)).getClass().getName());
    }

    @Test
    void aTakenTypeIsRefusedNamingTheJarAndTheClass() throws Exception {
        Path jar = jar("clash", "mmd");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Families.types(List.of(jar)));
        assertEquals("--jar " + jar + ": model family com.example.F takes the type 'mmd', which is already registered",
                e.getMessage());
    }

    @Test
    void aTypeThatIsNotAPlainNameIsRefused() throws Exception {
        Path jar = jar("odd", "My Model");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Families.lookup("x", List.of(jar)));
        assertTrue(e.getMessage().endsWith("has type 'My Model'; a type is lower-case letters, digits and '-',"
                + " starting with a letter"), e.getMessage());
    }
}
