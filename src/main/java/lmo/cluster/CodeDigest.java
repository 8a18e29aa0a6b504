package lmo.cluster;

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
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 digests that name code: of a jar file, and of lmo's own build (the jar lmo runs from, or, when it runs from
 * a classes directory as in tests, every file under it by relative path and content). Shown as the first 16 hex
 * digits, which is plenty to tell builds apart.
 */
final class CodeDigest {
    private static volatile String lmo;

    private CodeDigest() {}

    /** lmo's build, e.g. {@code "lmo.jar sha256:0123456789abcdef"}; computed once per JVM. */
    static String ofLmo() {
        String d = lmo;
        if (d == null) {
            Path where;
            try {
                where = Path.of(CodeDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | RuntimeException e) {
                return "unknown (" + e + ")";
            }
            d = Files.isDirectory(where) ? "classes sha256:" + ofDirectory(where) : where.getFileName() + " sha256:" + ofFile(where);
            lmo = d;
        }
        return d;
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

    /** The start of the SHA-256 over every regular file under {@code dir}, in path order: path, NUL, bytes. */
    static String ofDirectory(Path dir) {
        MessageDigest md = sha256();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
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
