package lmo.actor.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * SHA-256 digests that name code, shown as their first 16 hex digits (plenty to tell builds apart): of a jar file's
 * bytes ({@link #ofFile}), and of lmo's own build ({@link #ofLmo}): its classes and resources, wherever lmo runs from.
 */
final class CodeDigest {
    private static volatile String lmo;

    private CodeDigest() {}

    /**
     * lmo's build: SHA-256 over every class and resource lmo runs from (the jar's entries, or the files of a classes
     * directory as in tests) outside {@code META-INF/}, in path order, each as its path, a NUL byte and its bytes.
     * The same code gives the same digest from a jar or a directory, whenever the jar was packed; computed once per
     * JVM.
     */
    static String ofLmo() {
        String d = lmo;
        if (d == null) {
            try {
                d = ofCode(Path.of(CodeDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | IOException | RuntimeException e) {
                return "unknown (" + e + ")";
            }
            lmo = d;
        }
        return d;
    }

    /** The digest {@link #ofLmo} describes, of a jar or a classes directory. */
    static String ofCode(Path where) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> walk = Files.walk(where)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String name = where.relativize(f).toString().replace('\\', '/');
                    if (!name.startsWith("META-INF/")) files.put(name, Files.readAllBytes(f));
                }
            }
        } else {
            try (ZipFile zip = new ZipFile(where.toFile())) {
                for (ZipEntry e : zip.stream().filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/")).toList()) {
                    try (InputStream in = zip.getInputStream(e)) {
                        files.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        MessageDigest md = sha256();
        files.forEach((name, bytes) -> {
            md.update(name.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(bytes);
        });
        return "sha256:" + hex(md) + " (" + files.size() + " files)";
    }

    /** The start of the SHA-256 of a file's bytes. */
    static String ofFile(Path file) {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return hex(md);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest md) {
        return HexFormat.of().formatHex(md.digest(), 0, 8);
    }
}
