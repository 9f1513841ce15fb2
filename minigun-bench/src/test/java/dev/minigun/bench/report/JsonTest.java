package dev.minigun.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsWhatJmhWrites() {
        Object v = Json.parse("""
                [ { "benchmark" : "a.B.c", "score" : 1.5E7, "err" : NaN, "neg" : -2,
                    "s" : "x\\"y\\u00e9", "ok" : true, "none" : null, "raw" : [ [ 1, 2 ], [] ] } ]
                """);
        assertThat(v).isInstanceOf(List.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) ((List<Object>) v).getFirst();
        assertThat(e)
                .containsEntry("benchmark", "a.B.c")
                .containsEntry("score", 1.5e7)
                .containsEntry("neg", -2.0)
                .containsEntry("s", "x\"yé")
                .containsEntry("ok", true)
                .containsEntry("none", null)
                .containsEntry("raw", List.of(List.of(1.0, 2.0), List.of()));
        assertThat((Double) e.get("err")).isNaN();
    }

    @Test
    void namesWhereTheTextIsBroken() {
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 5");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("trailing");
    }
}
