package lmo.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The claim of one lmo process on a run directory: an exclusive operating-system lock ({@link FileChannel#tryLock})
 * on {@code RUN_DIR/.lmo.lock}, held until {@link #close} or until the process dies (kill -9 included: the
 * operating system releases it, so {@code resume} after a crash finds the directory free). The lock file holds the
 * holder's pid and command, so a refused process can name it; it stays in the directory (removing it would let two
 * processes lock two different files), is hidden, and is not a result: the listings of lmo ignore it.
 *
 * <p>{@link #claimNew} makes the check "does not exist or is empty" and the claim one step: the emptiness is checked
 * again once the lock is held, so of two runs started together with one {@code --out}, exactly one runs and the other
 * is refused without writing anything. {@link #claimExisting} is the claim of {@code resume}.
 *
 * <p>Advisory only: it keeps lmo processes apart, not other programs. Within one JVM a second claim of a held
 * directory is refused too.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name inside a run directory, {@link RunLayout#LOCK}. */
    public static final String NAME = RunLayout.LOCK;

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Why a run directory cannot be claimed; the message is one line for the user. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * Claims {@code dir} for a new run: creates it (and its parents) if missing, locks it, and checks that it holds
     * nothing but the lock file.
     *
     * @param what how the user named the directory, for messages (e.g. {@code "--out runs/x"})
     * @param command what the holder does, written to the lock file (e.g. {@code "run quickstart.yaml"})
     * @throws Refused if the directory exists and is not empty, is in use by another lmo process, or cannot be
     *     created (a parent is a regular file, no permission, a read-only file system)
     */
    public static RunLock claimNew(Path dir, String what, String command) throws Refused {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new Refused(what + ": exists and is not a directory");
        if (Files.isDirectory(dir) && !isEmpty(dir, what)) throw new Refused(what + ": exists and is not empty");
        createDirectories(dir, what);
        RunLock l = lock(dir, what, command);
        if (!isEmpty(dir, what)) { // another run came and went between the first check and the lock
            l.close();
            throw new Refused(what + ": exists and is not empty");
        }
        l.record(command);
        return l;
    }

    /**
     * Claims an existing run directory (for {@code resume}).
     *
     * @throws Refused if it is not a directory or is in use by another lmo process
     */
    public static RunLock claimExisting(Path dir, String what, String command) throws Refused {
        if (!Files.isDirectory(dir)) throw new Refused(what + ": no such run directory");
        RunLock l = lock(dir, what, command);
        l.record(command);
        return l;
    }

    /** Whether {@code dir} holds nothing but a lock file. */
    private static boolean isEmpty(Path dir, String what) throws Refused {
        try (var s = Files.list(dir)) {
            return s.allMatch(f -> f.getFileName().toString().equals(NAME));
        } catch (IOException e) {
            throw new Refused(what + ": cannot list: " + reason(e));
        }
    }

    private static void createDirectories(Path dir, String what) throws Refused {
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) throw new Refused(what + ": " + p + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw new Refused(what + ": " + e.getFile() + " exists and is not a directory");
        } catch (IOException | SecurityException e) {
            throw new Refused(what + ": cannot create the directory: " + reason(e));
        }
    }

    private static RunLock lock(Path dir, String what, String command) throws Refused {
        Path file = dir.resolve(NAME);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new Refused(what + ": cannot write in the directory: " + reason(e));
        }
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        } catch (IOException e) {
            closeQuietly(ch);
            throw new Refused(what + ": cannot lock " + file + ": " + reason(e));
        }
        if (lock == null) {
            String holder = holder(ch);
            // the holder writes its line right after it locks: a loser that reads in between waits for it (at most 1 s)
            for (int i = 0; holder.isEmpty() && i < 50; i++) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                holder = holder(ch);
            }
            closeQuietly(ch);
            throw new Refused(what + " is in use by another lmo process" + (holder.isEmpty() ? "" : " (" + holder + ")"));
        }
        return new RunLock(dir, ch, lock);
    }

    /** What the lock file says of its holder, one line, or "" if it says nothing readable. */
    private static String holder(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(512);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
            int nl = s.indexOf('\n');
            return (nl < 0 ? s : s.substring(0, nl)).replaceAll("\\p{Cntrl}", "?");
        } catch (IOException e) {
            return "";
        }
    }

    private void record(String command) throws Refused {
        String line = "pid " + ProcessHandle.current().pid() + ": lmo " + command + "\n";
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            close();
            throw new Refused(dir + ": cannot write " + NAME + ": " + reason(e));
        }
    }

    /** The cause of a file-system failure in words: the file, then why. */
    private static String reason(Exception e) {
        if (!(e instanceof FileSystemException f)) return String.valueOf(e.getMessage());
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or directory"
                : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        return f.getFile() == null ? why : f.getFile() + ": " + why;
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing was written through it
        }
    }

    public Path dir() { return dir; }

    /** Releases the lock; the lock file stays. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
    }
}
