package org.switchboard.companion.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of one-line records that survives the app being killed at any moment: a record is appended and forced to
 * the disk before the caller goes on, a torn last line (the process died mid-write) is ignored on reading, and
 * rewriting the whole file goes through a temporary file renamed over it atomically.
 */
final class DurableLog {

    private final Path file;
    private FileChannel appender;

    DurableLog(Path file) {
        this.file = file;
    }

    /** The complete lines, in the order written. */
    List<String> read() {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try {
            String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            int start = 0;
            for (int end = content.indexOf('\n'); end >= 0; end = content.indexOf('\n', start)) {
                if (end > start) {
                    lines.add(content.substring(start, end));
                }
                start = end + 1;
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    synchronized void append(String line) {
        requireOneLine(line);
        try {
            if (appender == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                appender = FileChannel.open(
                        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            }
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                appender.write(bytes);
            }
            appender.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Replaces the whole content at once: a reader sees either the old file or the new one. */
    synchronized void rewrite(List<String> lines) {
        StringBuilder content = new StringBuilder();
        for (String line : lines) {
            requireOneLine(line);
            content.append(line).append('\n');
        }
        try {
            closeAppender();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    synchronized void close() {
        try {
            closeAppender();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private void closeAppender() throws IOException {
        if (appender != null) {
            appender.close();
            appender = null;
        }
    }

    private static void requireOneLine(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a record is one line");
        }
    }
}
