package dev.tenantdao.processor.sql;

import java.util.List;

/** The SQL text of one statement and, in order, where each of its parameters comes from. */
public record Statement(String sql, List<Parameter> parameters) {

    public Statement {
        parameters = List.copyOf(parameters);
    }
}
