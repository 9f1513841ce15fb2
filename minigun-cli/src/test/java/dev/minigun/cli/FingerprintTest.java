package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void theShapeKeepsKeywordsAndOperatorsAndHidesNamesNumbersCommentsAndLiterals() {
        assertThat(new String(Fingerprint.shape("int x = 42; // hi\nString s = \"a\";"), StandardCharsets.UTF_8))
                .isEqualTo("int I = N ; I I = ; ");
    }

    @Test
    void filesOfTheSameShapeShareAFingerprintAndOthersDoNot() {
        String a = "class A { int f(int x) { return x + 1; } }";
        String renamed = "/* other */ class B {\n  int g(int y) { return y + 2; }\n}";
        String different = "class A { int f(int x) { return x - 1; } }";

        assertThat(Fingerprint.of(a)).matches("[0-9a-f]{64}").isEqualTo(Fingerprint.of(renamed));
        assertThat(Fingerprint.of(a)).isNotEqualTo(Fingerprint.of(different));
    }

    @Test
    void theStageKeepsTheStatisticsAndDropsTheText() {
        SourceFile file = new SourceFile("alpha", "alpha/demo/Greeter.java", SampleSources.GREETER);
        FileStats stats = SourceAnalyzer.analyze(file);

        Fingerprinted out = Fingerprint.of(new ParsedFile(stats, file.text()));

        assertThat(out.stats()).isEqualTo(stats);
        assertThat(out.fingerprint()).isEqualTo(Fingerprint.of(SampleSources.GREETER));
        assertThat(out.withArea("other")).isEqualTo(new CensusRow(stats, out.fingerprint(), "other"));
    }
}
