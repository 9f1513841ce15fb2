package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeAreasTest {

    @Test
    void javaBaseIsSplitByPackageAndTheFirstMatchingPrefixWins() {
        assertThat(CodeAreas.of("java.base", "java.base/java/util/concurrent/ForkJoinPool.java"))
                .isEqualTo("core-libs/concurrency");
        assertThat(CodeAreas.of("java.base", "java.base/java/util/List.java")).isEqualTo("core-libs/util");
        assertThat(CodeAreas.of("java.base", "java.base/sun/security/ssl/SSLEngineImpl.java"))
                .isEqualTo("security");
        assertThat(CodeAreas.of("java.base", "java.base/java/lang/invoke/MethodHandle.java"))
                .isEqualTo("core-libs/invoke");
        assertThat(CodeAreas.of("java.base", "java.base/module-info.java")).isEqualTo("core-libs");
    }

    @Test
    void otherModulesGoByNameOrPrefixAndUnknownOnesAreOther() {
        assertThat(CodeAreas.of("java.desktop", "java.desktop/javax/swing/JButton.java"))
                .isEqualTo("client-libs");
        assertThat(CodeAreas.of("jdk.management.jfr", "x")).isEqualTo("hotspot/jfr");
        assertThat(CodeAreas.of("jdk.management.agent", "x")).isEqualTo("core-svc/management");
        assertThat(CodeAreas.of("jdk.crypto.cryptoki", "x")).isEqualTo("security");
        assertThat(CodeAreas.of("java.sql.rowset", "x")).isEqualTo("core-libs/jdbc");
        assertThat(CodeAreas.of("java.xmlish", "x")).isEqualTo(CodeAreas.OTHER);
        assertThat(CodeAreas.of("alpha", "alpha/demo/Greeter.java")).isEqualTo(CodeAreas.OTHER);
    }
}
