package dev.minigun.hud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * How much memory a worker process holds: the HUD shows it next to each worker's pid. The real one
 * reads the resident set size ({@code VmRSS}) from Linux's {@code /proc/<pid>/status}; tests pass a
 * fixed one, so that a rendered screen does not depend on the machine.
 */
@FunctionalInterface
public interface ProcessMemory {

    /** The resident memory of process {@code pid} in bytes, or empty when it cannot be read (gone, not Linux). */
    OptionalLong residentBytes(long pid);

    /** Reads {@code VmRSS} from {@code /proc/<pid>/status}. */
    static ProcessMemory proc() {
        return pid -> {
            try {
                return parseVmRss(
                        Files.readString(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty();
            }
        };
    }

    /** The {@code VmRSS} of a {@code /proc/<pid>/status} text, in bytes (the kernel writes it in kB). */
    static OptionalLong parseVmRss(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    return OptionalLong.of(parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value);
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
