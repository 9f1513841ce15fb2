package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceAnalyzerTest {

    @Test
    void countsLinesWithAnyTerminatorAndALastUnterminatedLine() {
        assertThat(SourceAnalyzer.countLines("")).isZero();
        assertThat(SourceAnalyzer.countLines("a")).isEqualTo(1);
        assertThat(SourceAnalyzer.countLines("a\n")).isEqualTo(1);
        assertThat(SourceAnalyzer.countLines("a\nb")).isEqualTo(2);
        assertThat(SourceAnalyzer.countLines("a\r\nb\r\n")).isEqualTo(2);
        assertThat(SourceAnalyzer.countLines("a\rb\r")).isEqualTo(2);
        assertThat(SourceAnalyzer.countLines("\n\n")).isEqualTo(2);
    }

    @Test
    void analyzesTheSampleFilesAsWorkedOutByHand() {
        FileStats greeter =
                SourceAnalyzer.analyze(new SourceFile("alpha", "alpha/demo/Greeter.java", SampleSources.GREETER));
        assertThat(greeter.lines()).isEqualTo(14);
        assertThat(greeter.tokens()).isEqualTo(37);
        assertThat(greeter.topIdentifiers())
                .containsExactly(
                        new IdentifierCount("name", 5),
                        new IdentifierCount("String", 3),
                        new IdentifierCount("Greeter", 2),
                        new IdentifierCount("demo", 1),
                        new IdentifierCount("greet", 1));

        FileStats math =
                SourceAnalyzer.analyze(new SourceFile("beta", "beta/util/MathUtil.java", SampleSources.MATH_UTIL));
        assertThat(math.lines()).isEqualTo(21);
        assertThat(math.tokens()).isEqualTo(61);
        assertThat(math.topIdentifiers()).hasSize(12).startsWith(new IdentifierCount("total", 3));

        FileStats names = SourceAnalyzer.analyze(new SourceFile("beta", "beta/util/Names.java", SampleSources.NAMES));
        assertThat(names.lines()).isEqualTo(14);
        assertThat(names.tokens()).isEqualTo(48);
        assertThat(names.topIdentifiers()).hasSize(11).startsWith(new IdentifierCount("String", 2));
    }

    @Test
    void keepsTheTwentyMostFrequentIdentifiersByCountThenName() {
        // id1 once, id2 twice, ..., id25 25 times, plus keywords that must not be counted as identifiers.
        String src = IntStream.rangeClosed(1, 25)
                        .mapToObj(i -> ("id" + i + " ").repeat(i))
                        .collect(Collectors.joining("\n"))
                + " return this; tie tie tie tie tie tie";

        FileStats stats = SourceAnalyzer.analyze(new SourceFile("m", "m/T.java", src));

        assertThat(stats.tokens()).isEqualTo(325 + 3 + 6);
        assertThat(stats.topIdentifiers()).hasSize(SourceAnalyzer.TOP_IDENTIFIERS);
        assertThat(stats.topIdentifiers().getFirst()).isEqualTo(new IdentifierCount("id25", 25));
        // The twentieth place falls between id6 and tie, 6 times each: the name decides ("id6" < "tie").
        assertThat(stats.topIdentifiers().subList(18, 20))
                .containsExactly(new IdentifierCount("id7", 7), new IdentifierCount("id6", 6));
        assertThat(stats.topIdentifiers()).extracting(IdentifierCount::name).doesNotContain("tie", "id5");
        assertThat(stats.topIdentifiers()).extracting(IdentifierCount::name).doesNotContain("return", "this");
    }
}
