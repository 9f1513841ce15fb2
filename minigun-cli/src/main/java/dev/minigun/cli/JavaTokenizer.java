package dev.minigun.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A small, fast lexer for counting Java source, not for compiling it. It walks a text once and
 * yields tokens of four kinds ({@link TokenKind}); everything else is skipped:
 *
 * <ul>
 *   <li>whitespace, {@code //} line comments and {@code /* ... *}{@code /} block comments (javadoc
 *       included); an unterminated block comment runs to the end of the text;
 *   <li>string literals {@code "..."} and character literals {@code '...'} (backslash escapes
 *       honoured; an unterminated one ends at the end of its line), and text blocks
 *       {@code """ ... """}: their content is not tokenized and they are not counted;
 *   <li>identifiers and keywords follow {@link Character#isJavaIdentifierStart} and
 *       {@link Character#isJavaIdentifierPart}; the reserved keywords of JLS §3.9 and the literals
 *       {@code true}, {@code false} and {@code null} are {@link TokenKind#KEYWORD}s, and contextual
 *       keywords ({@code var}, {@code record}, {@code yield}, {@code module}, ...) are identifiers,
 *       because without parsing they cannot be told from the same words used as names;
 *   <li>a number starts with a digit, or a dot followed by a digit, and takes every letter, digit,
 *       underscore and dot that follows, plus a sign right after an exponent ({@code e} in decimal,
 *       {@code p} in hexadecimal);
 *   <li>operators and separators are matched longest first ({@code >>>=} is one token, as is
 *       {@code >>} closing two generic types); any other character is a one-character token.
 * </ul>
 *
 * <p>Unicode escapes ({@code \u005Cu0041}) outside literals are not translated. Use it as a cursor:
 * {@code while ((kind = t.next()) != null) { ... t.start(), t.end() ... }}.
 */
public final class JavaTokenizer {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "_",
            "true",
            "false",
            "null");

    /** For each ASCII character, the operators of two or more characters it starts, longest first. */
    private static final String[][] LONG_OPERATORS = longOperators(
            ">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=",
            "*=", "/=", "&=", "|=", "^=", "%=", "<<", ">>");

    private final String src;
    private final int length;
    private int pos;
    private int start;
    private int end;

    /** A cursor at the start of {@code src}. */
    public JavaTokenizer(String src) {
        this.src = src;
        this.length = src.length();
    }

    /** Whether {@code word} is a reserved keyword or one of {@code true}, {@code false}, {@code null}. */
    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }

    /** Every token of {@code src}, in order. */
    public static List<Token> tokenize(String src) {
        JavaTokenizer t = new JavaTokenizer(src);
        List<Token> tokens = new ArrayList<>();
        for (TokenKind kind = t.next(); kind != null; kind = t.next()) {
            tokens.add(new Token(kind, t.text()));
        }
        return tokens;
    }

    /** Moves to the next token and returns its kind, or {@code null} at the end of the text. */
    public TokenKind next() {
        while (pos < length) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '/' && pos + 1 < length && src.charAt(pos + 1) == '/') {
                skipToLineEnd();
            } else if (c == '/' && pos + 1 < length && src.charAt(pos + 1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                pos = close < 0 ? length : close + 2;
            } else if (c == '"') {
                if (src.startsWith("\"\"\"", pos)) {
                    skipTextBlock();
                } else {
                    skipQuoted('"');
                }
            } else if (c == '\'') {
                skipQuoted('\'');
            } else if (c > 127 && Character.isWhitespace(c)) {
                pos++;
            } else {
                start = pos;
                return scanToken(c);
            }
        }
        return null;
    }

    /** Where the current token starts in the text. */
    public int start() {
        return start;
    }

    /** Where the current token ends (exclusive). */
    public int end() {
        return end;
    }

    /** The current token as written. */
    public String text() {
        return src.substring(start, end);
    }

    private TokenKind scanToken(char c) {
        if (isIdentifierStart(c)) {
            pos++;
            while (pos < length && isIdentifierPart(src.charAt(pos))) {
                pos++;
            }
            end = pos;
            // Keywords are all lower-case ASCII letters (and "_"), so most names skip the set lookup.
            return isKeywordShape(start, end) && KEYWORDS.contains(src.substring(start, end))
                    ? TokenKind.KEYWORD
                    : TokenKind.IDENTIFIER;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(src.charAt(pos + 1)))) {
            scanNumber(c);
            return TokenKind.NUMBER;
        }
        pos++;
        if (c < LONG_OPERATORS.length && LONG_OPERATORS[c] != null) {
            for (String op : LONG_OPERATORS[c]) {
                if (src.startsWith(op, start)) {
                    pos = start + op.length();
                    break;
                }
            }
        }
        end = pos;
        return TokenKind.OPERATOR;
    }

    private void scanNumber(char first) {
        boolean hex = first == '0' && pos + 1 < length && (src.charAt(pos + 1) == 'x' || src.charAt(pos + 1) == 'X');
        pos++;
        while (pos < length) {
            char ch = src.charAt(pos);
            if (isAsciiLetterOrDigit(ch) || ch == '_' || ch == '.') {
                pos++;
            } else if ((ch == '+' || ch == '-') && isExponent(src.charAt(pos - 1), hex)) {
                pos++;
            } else {
                break;
            }
        }
        end = pos;
    }

    private static boolean isExponent(char ch, boolean hex) {
        return hex ? ch == 'p' || ch == 'P' : ch == 'e' || ch == 'E';
    }

    private void skipToLineEnd() {
        while (pos < length && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void skipQuoted(char quote) {
        pos++;
        while (pos < length) {
            char ch = src.charAt(pos);
            if (ch == '\\') {
                pos += 2;
            } else if (ch == quote) {
                pos++;
                return;
            } else if (ch == '\n' || ch == '\r') {
                return; // unterminated: resume on the next line rather than swallow the file
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, length);
    }

    private void skipTextBlock() {
        pos += 3;
        while (pos < length) {
            char ch = src.charAt(pos);
            if (ch == '\\') {
                pos += 2;
            } else if (ch == '"' && src.startsWith("\"\"\"", pos)) {
                pos += 3;
                return;
            } else {
                pos++;
            }
        }
        pos = Math.min(pos, length);
    }

    private boolean isKeywordShape(int from, int to) {
        if (to - from < 1 || to - from > 12) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char ch = src.charAt(i);
            if ((ch < 'a' || ch > 'z') && ch != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifierStart(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
        }
        return Character.isJavaIdentifierStart(c);
    }

    private static boolean isIdentifierPart(char c) {
        if (c < 128) {
            return isAsciiLetterOrDigit(c) || c == '_' || c == '$';
        }
        return Character.isJavaIdentifierPart(c);
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String[][] longOperators(String... ops) {
        String[][] table = new String[128][];
        for (String op : ops) {
            char first = op.charAt(0);
            List<String> list = new ArrayList<>(table[first] == null ? List.of() : List.of(table[first]));
            list.add(op);
            list.sort(Comparator.comparingInt(String::length).reversed());
            table[first] = list.toArray(String[]::new);
        }
        return table;
    }
}
