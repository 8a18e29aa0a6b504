package lmo.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import lmo.io.RunLayout;

/**
 * Writes a run file so that a crash at any moment leaves the old file or the new one, never a mixture: the bytes go
 * to {@code NAME.tmp}, which is forced to disk, renamed over {@code NAME} ({@code ATOMIC_MOVE}), and the directory
 * is forced. {@code checkpoint.lmo}, {@code schedule.lmo} and the trajectory files are written this way.
 */
final class DurableWrite {
    private DurableWrite() {}

    static void write(Path dir, String name, ByteBuffer bytes) throws IOException {
        Path tmp = dir.resolve(name + RunLayout.TMP);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) ch.write(bytes);
        }
        commit(dir, name);
    }

    /** Forces {@code NAME.tmp} (written by the caller) to disk, renames it over {@code NAME} and forces the directory. */
    static void commit(Path dir, String name) throws IOException {
        Path tmp = dir.resolve(name + RunLayout.TMP);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open or force a directory; the rename is still atomic there
        }
    }
}
