package dev.minigun.cli;

import java.util.List;
import java.util.Map;

/**
 * Which area of the JDK a source file belongs to, after the component names OpenJDK's bug tracker
 * uses ({@code core-libs}, {@code client-libs}, {@code security}, {@code hotspot}, ...): what the
 * demo's enrichment service answers. It is a pure function of the module and the path, so a census
 * stores the same area for a file every time, and tests can state it.
 */
public final class CodeAreas {
    /** The area of files no rule names. */
    public static final String OTHER = "other";

    /** Package prefixes (with {@code /}) inside {@code java.base} that belong to an area of their own, first match wins. */
    private static final List<Map.Entry<String, String>> BASE_PACKAGES = List.of(
            Map.entry("java/util/concurrent/", "core-libs/concurrency"),
            Map.entry("java/net/", "core-libs/net"),
            Map.entry("sun/net/", "core-libs/net"),
            Map.entry("java/nio/", "core-libs/nio"),
            Map.entry("sun/nio/", "core-libs/nio"),
            Map.entry("java/io/", "core-libs/io"),
            Map.entry("java/time/", "core-libs/time"),
            Map.entry("java/text/", "core-libs/i18n"),
            Map.entry("sun/util/locale/", "core-libs/i18n"),
            Map.entry("java/lang/invoke/", "core-libs/invoke"),
            Map.entry("java/lang/reflect/", "core-libs/reflect"),
            Map.entry("java/lang/foreign/", "core-libs/foreign"),
            Map.entry("java/math/", "core-libs/math"),
            Map.entry("java/security/", "security"),
            Map.entry("javax/crypto/", "security"),
            Map.entry("javax/net/", "security"),
            Map.entry("javax/security/", "security"),
            Map.entry("sun/security/", "security"),
            Map.entry("com/sun/crypto/", "security"),
            Map.entry("jdk/internal/vm/", "hotspot"),
            Map.entry("jdk/internal/misc/", "hotspot"),
            Map.entry("java/lang/", "core-libs/lang"),
            Map.entry("java/util/", "core-libs/util"));

    /** Module name prefixes and their areas, first match wins. */
    private static final List<Map.Entry<String, String>> MODULES = List.of(
            Map.entry("java.desktop", "client-libs"),
            Map.entry("java.datatransfer", "client-libs"),
            Map.entry("jdk.accessibility", "client-libs"),
            Map.entry("jdk.unsupported.desktop", "client-libs"),
            Map.entry("java.xml", "xml"),
            Map.entry("jdk.xml", "xml"),
            Map.entry("jdk.localedata", "core-libs/i18n"),
            Map.entry("jdk.charsets", "core-libs/i18n"),
            Map.entry("jdk.hotspot.agent", "hotspot/svc-agent"),
            Map.entry("jdk.internal.vm.ci", "hotspot/compiler"),
            Map.entry("jdk.graal", "hotspot/compiler"),
            Map.entry("jdk.incubator.vector", "hotspot/compiler"),
            Map.entry("jdk.jfr", "hotspot/jfr"),
            Map.entry("jdk.management.jfr", "hotspot/jfr"),
            Map.entry("jdk.compiler", "tools/javac"),
            Map.entry("java.compiler", "tools/javac"),
            Map.entry("jdk.javadoc", "tools/javadoc"),
            Map.entry("jdk.jshell", "tools/jshell"),
            Map.entry("jdk.internal.le", "tools/jshell"),
            Map.entry("jdk.internal.ed", "tools/jshell"),
            Map.entry("jdk.editpad", "tools/jshell"),
            Map.entry("jdk.jpackage", "tools/jpackage"),
            Map.entry("jdk.jlink", "tools/jlink"),
            Map.entry("jdk.jdeps", "tools/jdeps"),
            Map.entry("jdk.jartool", "tools/jar"),
            Map.entry("jdk.internal.opt", "tools"),
            Map.entry("jdk.internal.md", "tools/javadoc"),
            Map.entry("jdk.jdi", "core-svc/debugger"),
            Map.entry("jdk.jdwp", "core-svc/debugger"),
            Map.entry("jdk.attach", "core-svc/tools"),
            Map.entry("jdk.jcmd", "core-svc/tools"),
            Map.entry("jdk.jstatd", "core-svc/tools"),
            Map.entry("jdk.internal.jvmstat", "core-svc/tools"),
            Map.entry("jdk.jconsole", "core-svc/tools"),
            Map.entry("java.management", "core-svc/management"),
            Map.entry("jdk.management", "core-svc/management"),
            Map.entry("java.instrument", "core-svc/instrument"),
            Map.entry("java.security", "security"),
            Map.entry("java.xml.crypto", "security"),
            Map.entry("java.smartcardio", "security"),
            Map.entry("jdk.crypto", "security"),
            Map.entry("jdk.security", "security"),
            Map.entry("java.naming", "core-libs/jndi"),
            Map.entry("jdk.naming", "core-libs/jndi"),
            Map.entry("java.net.http", "core-libs/net"),
            Map.entry("jdk.httpserver", "core-libs/net"),
            Map.entry("jdk.net", "core-libs/net"),
            Map.entry("jdk.sctp", "core-libs/net"),
            Map.entry("java.rmi", "core-libs/rmi"),
            Map.entry("java.sql", "core-libs/jdbc"),
            Map.entry("java.transaction", "core-libs/jdbc"),
            Map.entry("java.logging", "core-libs/logging"),
            Map.entry("java.prefs", "core-libs/prefs"),
            Map.entry("java.scripting", "core-libs/scripting"),
            Map.entry("jdk.dynalink", "core-libs/dynalink"),
            Map.entry("jdk.zipfs", "core-libs/nio"),
            Map.entry("jdk.nio", "core-libs/nio"),
            Map.entry("jdk.unsupported", "core-libs/lang"),
            Map.entry("java.se", "core-libs"),
            Map.entry("jdk.jsobject", "client-libs"));

    private CodeAreas() {}

    /** The area of the file at {@code path} (its path inside the source tree) in {@code module}. */
    public static String of(String module, String path) {
        if (module.equals("java.base")) {
            String inModule = path.startsWith("java.base/") ? path.substring("java.base/".length()) : path;
            for (Map.Entry<String, String> e : BASE_PACKAGES) {
                if (inModule.startsWith(e.getKey())) {
                    return e.getValue();
                }
            }
            return "core-libs";
        }
        for (Map.Entry<String, String> e : MODULES) {
            if (module.equals(e.getKey()) || module.startsWith(e.getKey() + ".")) {
                return e.getValue();
            }
        }
        return OTHER;
    }
}
