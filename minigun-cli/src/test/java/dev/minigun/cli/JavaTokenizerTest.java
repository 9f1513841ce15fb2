package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaTokenizerTest {

    @Test
    void skipsCommentsStringsCharsAndTextBlocksAndCountsTheRest() {
        String src = """
                String s = "a // not a comment /* nor this */ \\" still";  // trailing "comment
                char c = '\\'', d = '"';
                /* block "with string" 'and char' */ int x = 0x1F + 1_000L - .5e+3 >>>= y;
                String t = \"""
                    text block with "quotes", \\\""" and // no comment
                    \""";
                var r = a->b::c; @Override
                /** javadoc { */ List<List<Integer>> m = true ? null : i++ + ++j;
                """;

        assertThat(tokens(src))
                .containsExactly(
                        "IDENTIFIER:String",
                        "IDENTIFIER:s",
                        "OPERATOR:=",
                        "OPERATOR:;",
                        "KEYWORD:char",
                        "IDENTIFIER:c",
                        "OPERATOR:=",
                        "OPERATOR:,",
                        "IDENTIFIER:d",
                        "OPERATOR:=",
                        "OPERATOR:;",
                        "KEYWORD:int",
                        "IDENTIFIER:x",
                        "OPERATOR:=",
                        "NUMBER:0x1F",
                        "OPERATOR:+",
                        "NUMBER:1_000L",
                        "OPERATOR:-",
                        "NUMBER:.5e+3",
                        "OPERATOR:>>>=",
                        "IDENTIFIER:y",
                        "OPERATOR:;",
                        "IDENTIFIER:String",
                        "IDENTIFIER:t",
                        "OPERATOR:=",
                        "OPERATOR:;",
                        "IDENTIFIER:var",
                        "IDENTIFIER:r",
                        "OPERATOR:=",
                        "IDENTIFIER:a",
                        "OPERATOR:->",
                        "IDENTIFIER:b",
                        "OPERATOR:::",
                        "IDENTIFIER:c",
                        "OPERATOR:;",
                        "OPERATOR:@",
                        "IDENTIFIER:Override",
                        "IDENTIFIER:List",
                        "OPERATOR:<",
                        "IDENTIFIER:List",
                        "OPERATOR:<",
                        "IDENTIFIER:Integer",
                        "OPERATOR:>>",
                        "IDENTIFIER:m",
                        "OPERATOR:=",
                        "KEYWORD:true",
                        "OPERATOR:?",
                        "KEYWORD:null",
                        "OPERATOR::",
                        "IDENTIFIER:i",
                        "OPERATOR:++",
                        "OPERATOR:+",
                        "OPERATOR:++",
                        "IDENTIFIER:j",
                        "OPERATOR:;");
    }

    @Test
    void numbersKeepTheirExponentSignSuffixAndDotsButNotAFollowingOperator() {
        assertThat(tokens("1.0f 0x1.8p-3 0xE-1 1e10-2 077L 0b1010 1__2.5d a.b(...)"))
                .containsExactly(
                        "NUMBER:1.0f",
                        "NUMBER:0x1.8p-3",
                        "NUMBER:0xE",
                        "OPERATOR:-",
                        "NUMBER:1",
                        "NUMBER:1e10",
                        "OPERATOR:-",
                        "NUMBER:2",
                        "NUMBER:077L",
                        "NUMBER:0b1010",
                        "NUMBER:1__2.5d",
                        "IDENTIFIER:a",
                        "OPERATOR:.",
                        "IDENTIFIER:b",
                        "OPERATOR:(",
                        "OPERATOR:...",
                        "OPERATOR:)");
    }

    @Test
    void anUnterminatedStringEndsAtItsLineAndAnUnterminatedCommentAtTheEnd() {
        assertThat(tokens("x = \"no end\nnext; /* open comment\nhidden"))
                .containsExactly("IDENTIFIER:x", "OPERATOR:=", "IDENTIFIER:next", "OPERATOR:;");
        assertThat(tokens("s = \"\"\"\nnever closed")).containsExactly("IDENTIFIER:s", "OPERATOR:=");
        assertThat(tokens("c = 'x")).containsExactly("IDENTIFIER:c", "OPERATOR:=");
    }

    @Test
    void identifiersMayUseUnicodeDollarAndUnderscoreButALoneUnderscoreIsAKeyword() {
        assertThat(tokens("größe $x _y x_1 _ record yield"))
                .containsExactly(
                        "IDENTIFIER:größe",
                        "IDENTIFIER:$x",
                        "IDENTIFIER:_y",
                        "IDENTIFIER:x_1",
                        "KEYWORD:_",
                        "IDENTIFIER:record",
                        "IDENTIFIER:yield");
    }

    @Test
    void keywordsAreTheReservedWordsAndLiterals() {
        assertThat(JavaTokenizer.isKeyword("class")).isTrue();
        assertThat(JavaTokenizer.isKeyword("goto")).isTrue();
        assertThat(JavaTokenizer.isKeyword("null")).isTrue();
        assertThat(JavaTokenizer.isKeyword("var")).isFalse();
        assertThat(JavaTokenizer.isKeyword("String")).isFalse();
    }

    @Test
    void reportsWhereEachTokenIs() {
        JavaTokenizer t = new JavaTokenizer("  /* c */ foo;");
        assertThat(t.next()).isEqualTo(TokenKind.IDENTIFIER);
        assertThat(t.start()).isEqualTo(10);
        assertThat(t.end()).isEqualTo(13);
        assertThat(t.next()).isEqualTo(TokenKind.OPERATOR);
        assertThat(t.next()).isNull();
        assertThat(t.next()).isNull();
    }

    private static List<String> tokens(String src) {
        return JavaTokenizer.tokenize(src).stream().map(Token::toString).toList();
    }
}
