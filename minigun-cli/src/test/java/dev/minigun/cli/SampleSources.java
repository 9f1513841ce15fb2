package dev.minigun.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Three small Java files in two "modules", whose census is worked out by hand in the comments, and
 * writers that lay them out as a zip (like src.zip) or a directory.
 */
final class SampleSources {
    private SampleSources() {}

    // 14 lines, 37 tokens; identifiers: name 5, String 3, Greeter 2, demo 1, greet 1.
    // "Ghost" appears only in comments and strings, so it is never counted.
    static final String GREETER = """
            package demo;

            /** Says hello; mentions Ghost in a comment. */
            public class Greeter {
                private final String name;

                Greeter(String name) {
                    this.name = name; // Ghost
                }

                String greet() {
                    return "Hello, " + name + "! Ghost";
                }
            }
            """;

    // 21 lines, 61 tokens; identifiers: total 3, util 2, List 2, values 2, value 2, and once each
    // java, MathUtil, sum, Integer, String, label, quote. The comment, the char literal and the
    // text block (with an escaped triple quote) hide "name" and a second "String".
    static final String MATH_UTIL = """
            package util;

            import java.util.List;

            final class MathUtil {
                /* block comment with name and String */
                static int sum(List<Integer> values) {
                    int total = 0;
                    for (int value : values) {
                        total += value;
                    }
                    return total;
                }

                static String label() {
                    char quote = '"';
                    return \"""
                        name "quoted" \\\""" String
                        \""";
                }
            }
            """;

    // 14 lines, 48 tokens; identifiers: String 2, and once each util, Names, ALPHA, BETA, lower,
    // name, toLowerCase, NAME, MASK, RATE. Numbers 0xFF_FFL, 2, 1.5e-3 are one token each.
    static final String NAMES = """
            package util;

            enum Names {
                ALPHA, BETA;

                String lower() {
                    // name name name
                    return name().toLowerCase(); // String
                }

                static final String NAME = "name";
                static final long MASK = 0xFF_FFL >>> 2;
                static final double RATE = 1.5e-3;
            }
            """;

    /** Path inside the source tree → content; three .java files. */
    static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("alpha/demo/Greeter.java", GREETER);
        files.put("beta/util/MathUtil.java", MATH_UTIL);
        files.put("beta/util/Names.java", NAMES);
        return files;
    }

    /** A zip laid out like src.zip, with a directory entry and a non-Java file that must be skipped. */
    static Path zip(Path dir) throws IOException {
        Path zip = dir.resolve("src.zip");
        try (OutputStream os = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(os)) {
            out.putNextEntry(new ZipEntry("alpha/"));
            out.closeEntry();
            for (Map.Entry<String, String> f : files().entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("beta/README.txt"));
            out.write("not Java".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    /** The same files in a directory tree, plus a non-Java file that must be skipped. */
    static Path directory(Path dir) throws IOException {
        Path root = dir.resolve("src");
        for (Map.Entry<String, String> f : files().entrySet()) {
            Path file = root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        Files.writeString(root.resolve("beta/README.txt"), "not Java");
        return root;
    }
}
