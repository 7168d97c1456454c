package org.lstmrepro.reports.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.lstmrepro.core.io.AtomicFiles;

/**
 * The exclusive right to write into a results store: an OS lock ({@link FileChannel#tryLock}) on
 * {@code DIR/.lock}, held until {@link #close()} or the process ends (the OS releases it even after
 * {@code kill -9}, so a stale lock file never blocks a later run). The file names the holder (process
 * id, host, start time) so a second run on the same store fails at once with a message saying who holds
 * it, rather than computing every trial a second time. A run does not wait: it exits, and can be
 * started again when the holder is done.
 */
public final class StoreLock implements AutoCloseable {

    /** The lock file of a run writing trials, relative to the store's directory. */
    public static final String FILE = ".lock";
    /** The lock file of a report being written, relative to the store's directory. */
    public static final String REPORT_FILE = ".report.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on the store in {@code dir} (created if needed).
     *
     * @throws IllegalArgumentException when another run holds it (naming the holder), or the directory
     *                                  cannot hold a lock file
     */
    static StoreLock take(Path dir) {
        return take(dir, FILE, "another run is writing into this results store", "or use another --out");
    }

    /** The lock a report takes while it replaces the report in {@code dir}. */
    public static StoreLock forReport(Path dir) {
        return take(dir, REPORT_FILE, "another report is being written here", "then render again");
    }

    private static StoreLock take(Path dir, String name, String conflict, String advice) {
        Path file = dir.resolve(name);
        FileChannel channel;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalArgumentException(dir + ": cannot lock this results store (" + AtomicFiles.describe(e) + ")");
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it already
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new IllegalArgumentException(dir + ": " + conflict + " ("
                        + (holder.isEmpty() ? "holder unknown" : holder) + "); wait for it to finish, " + advice);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describeThisProcess().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new StoreLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file + ": " + AtomicFiles.describe(e), e);
        }
    }

    /** Releases the lock (the file stays: its content is only informative). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock " + e.getMessage(), e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 500);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
    }

    private static String describeThisProcess() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "an unknown host";
            }
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + ", since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
