package dev.minigun;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

class ModuleTest {

    @Test
    void exportsTheApiAndTheExecutionLayerOnly() {
        ModuleDescriptor descriptor = Pipeline.class.getModule().getDescriptor();

        assertThat(descriptor.name()).isEqualTo("dev.minigun");
        assertThat(descriptor.exports())
                .extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.minigun", "dev.minigun.execution");
        assertThat(descriptor.requires())
                .extracting(ModuleDescriptor.Requires::name)
                .as("the core depends on the JDK alone")
                .allMatch(name -> name.startsWith("java.") || name.equals("jdk.jfr"));
    }
}
