package dev.tenantdao.spring.boot.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The problem details (RFC 9457) the filter and the exception handler answer with, and how the
 * filter writes one without a message converter (it answers before Spring MVC is involved).
 */
public final class TenantProblems {

    private TenantProblems() {}

    /** A problem of {@code status} with {@code detail}; {@code about:blank}, the status's phrase as title. */
    public static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /**
     * Writes {@code problem} as {@code application/problem+json} (UTF-8, as JSON always is: no charset
     * parameter), with {@code instance} as its instance.
     */
    static void write(HttpServletResponse response, ProblemDetail problem, String instance) throws IOException {
        if (problem.getInstance() == null && instance != null) {
            problem.setInstance(URI.create(instance));
        }
        StringBuilder json = new StringBuilder("{");
        member(json, "type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        member(json, "title", problem.getTitle());
        json.append(",\"status\":").append(problem.getStatus());
        member(json, "detail", problem.getDetail());
        member(json, "instance", problem.getInstance() == null ? null : problem.getInstance().toString());
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach((name, value) -> member(json, name, value == null ? null : value.toString()));
        }
        json.append('}');
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static void member(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        if (json.length() > 1) {
            json.append(',');
        }
        string(json, name);
        json.append(':');
        string(json, value);
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                                    && Character.isLowSurrogate(value.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
