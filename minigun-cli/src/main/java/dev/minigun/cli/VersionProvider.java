package dev.minigun.cli;

import picocli.CommandLine;

/**
 * Answers {@code minigun --version}: the version written into the jar's manifest
 * ({@code Implementation-Version}) by the build, and the Java runtime it runs on. Run from a classes
 * directory (as in tests), there is no manifest, and it says so.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** Used by picocli. */
    public VersionProvider() {}

    /** The version of the {@code minigun} jar, or {@code "(development build)"} outside a jar. */
    public static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "(development build)";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "minigun " + version(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") at "
                    + System.getProperty("java.home")
        };
    }
}
