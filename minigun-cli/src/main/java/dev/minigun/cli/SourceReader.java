package dev.minigun.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the {@code .java} files of a source tree, a zip (such as the JDK's {@code lib/src.zip}) or a
 * directory, one after the other, as {@link SourceFile}s. Reading is sequential on purpose: a zip is
 * one compressed stream and a disk is fastest read in order, so this is the census producer's job,
 * and the parallel work starts after it.
 */
public final class SourceReader {
    private final Path root;

    /** A reader of {@code root}; nothing is opened until {@link #check} or {@link #read}. */
    public SourceReader(Path root) {
        this.root = root;
    }

    /** The zip file or directory read. */
    public Path root() {
        return root;
    }

    /** Fails with an {@link IOException} saying why, unless {@code root} is a directory or a readable zip. */
    public void check() throws IOException {
        if (Files.isDirectory(root)) {
            return;
        }
        if (!Files.isRegularFile(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such file or directory");
        }
        try (ZipFile zip = new ZipFile(root.toFile())) {
            zip.size();
        } catch (IOException e) {
            throw new IOException(root + " is neither a directory nor a readable zip file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Passes the first {@code limit} {@code .java} files to {@code out}, in the zip's entry order or in
     * path order for a directory, and returns how many it passed.
     */
    public long read(long limit, Consumer<SourceFile> out) throws IOException {
        return Files.isDirectory(root) ? readDirectory(limit, out) : readZip(limit, out);
    }

    /**
     * How many files {@link #read} will pass for the same {@code limit}: the {@code .java} entries of
     * the zip's central directory (no entry is decompressed), or the {@code .java} files of the
     * directory, at most {@code limit}.
     */
    public long count(long limit) throws IOException {
        if (Files.isDirectory(root)) {
            return Math.min(limit, javaFiles().size());
        }
        long n = 0;
        try (ZipFile zip = new ZipFile(root.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (n < limit && entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().endsWith(".java")) {
                    n++;
                }
            }
        }
        return n;
    }

    private long readZip(long limit, Consumer<SourceFile> out) throws IOException {
        long n = 0;
        try (ZipFile zip = new ZipFile(root.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (n < limit && entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".java")) {
                    continue;
                }
                String name = entry.getName();
                int slash = name.indexOf('/');
                String module = slash > 0 ? name.substring(0, slash) : "unnamed";
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                out.accept(new SourceFile(module, name, new String(bytes, StandardCharsets.UTF_8)));
                n++;
            }
        }
        return n;
    }

    private long readDirectory(long limit, Consumer<SourceFile> out) throws IOException {
        List<Path> files = javaFiles();
        long n = 0;
        for (Path relative : files) {
            if (n >= limit) {
                break;
            }
            String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "unnamed";
            String path = relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
            byte[] bytes = Files.readAllBytes(root.resolve(relative));
            out.accept(new SourceFile(module, path, new String(bytes, StandardCharsets.UTF_8)));
            n++;
        }
        return n;
    }

    /** The {@code .java} files under the directory {@code root}, relative to it, in path order. */
    private List<Path> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }
}
