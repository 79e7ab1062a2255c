package dev.tenantdao.samples.common;

import dev.tenantdao.runtime.Converter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flat {@code Map<String, String>} as a {@code jsonb} object ({@code @Column(type = "jsonb")}).
 * tenantdao forces no JSON library on its users: this sample writes and reads the one shape it
 * needs; an application would call Jackson or Gson here. A static instance, shared by every DAO.
 */
public final class JsonMapConverter implements Converter<Map<String, String>, String> {

    public static final JsonMapConverter INSTANCE = new JsonMapConverter();

    private JsonMapConverter() {}

    @Override
    public String toDatabase(Map<String, String> value) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(value).forEach((key, text) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, key).append(':');
            quote(json, text);
        });
        return json.append('}').toString();
    }

    @Override
    public Map<String, String> fromDatabase(String value) {
        Map<String, String> map = new LinkedHashMap<>();
        Parser parser = new Parser(value);
        parser.expect('{');
        if (!parser.tryConsume('}')) {
            do {
                String key = parser.string();
                parser.expect(':');
                map.put(key, parser.string());
            } while (parser.tryConsume(','));
            parser.expect('}');
        }
        return Collections.unmodifiableMap(map);
    }

    private static StringBuilder quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    /** Reads the flat object PostgreSQL returns for a jsonb value. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        boolean tryConsume(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!tryConsume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + text
                        + " (only objects of strings are supported)");
            }
        }

        String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw new IllegalArgumentException("unterminated string in " + text);
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = text.charAt(at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> out.append(escaped);
                    }
                } else {
                    out.append(c);
                }
            }
        }
    }
}
