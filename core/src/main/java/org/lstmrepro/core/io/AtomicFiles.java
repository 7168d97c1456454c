package org.lstmrepro.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a reader sees either the old file or the whole new one, never a part: the
 * bytes go to a temporary sibling {@code .NAME.RANDOM.tmp}, are forced to the disk, and the sibling is
 * renamed onto the target (atomically where the file system can). A failed write (a full disk, a
 * process killed mid-write) leaves the target as it was; a kill can leave the temporary sibling, which
 * {@link #removeStaleTemporaries} clears. Files are created with the process's umask (e.g. 0644), never
 * the owner-only mode of {@link Files#createTempFile}, so others on a shared machine can read results.
 */
public final class AtomicFiles {

    /** What ends every temporary file this class makes. */
    public static final String TMP_SUFFIX = ".tmp";

    /** Writes the file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically; an existing file is replaced. */
    public static void write(Path target, Content content) {
        Path file = target.toAbsolutePath();
        Path tmp = temporarySibling(file);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(tmp, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + target + ": " + describe(e), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** Writes a UTF-8 text file atomically. */
    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Renames {@code from} onto {@code to}, atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Deletes the temporary files ({@code .*.tmp}) that writes into {@code dir} left behind when their
     * process was killed. Call it only while no other process writes into {@code dir} (hold its lock).
     *
     * @return the files removed
     */
    public static List<Path> removeStaleTemporaries(Path dir) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*" + TMP_SUFFIX)) {
            for (Path p : s) {
                if (Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            }
        } catch (NoSuchFileException e) {
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear temporary files in " + dir + ": " + describe(e), e);
        }
        return removed;
    }

    /** A fresh temporary name beside {@code file}, e.g. {@code .report.md.5f3a9c2e.tmp}. */
    static Path temporarySibling(Path file) {
        String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        return file.resolveSibling("." + file.getFileName() + "." + random + TMP_SUFFIX);
    }

    /** An I/O failure in words: the exception's class says more than its message for some (e.g. "No space left"). */
    public static String describe(IOException e) {
        String what = e.getClass().getSimpleName().replace("Exception", "");
        String message = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            message = fs.getReason();
        }
        return message == null ? what : what.equals("IO") || what.equals("FileSystem") ? message : what + ": " + message;
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the write failed already; that is the error to report
        }
    }
}
