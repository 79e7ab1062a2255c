package dev.tenantdao.runtime;

/**
 * Told of every statement generated DAOs and repositories send through a {@link Database}
 * ({@code Database.builder(dataSource).statementListener(listener)}): for logs, metrics, traces and
 * the per-tenant cost report. Called on the calling thread once the statement is over (after its
 * rows are read, or it failed); an exception it throws is logged and otherwise ignored, never
 * turning a successful statement into a failure. With none registered, nothing is measured.
 */
@FunctionalInterface
public interface StatementListener {

    void onStatement(StatementEvent event);
}
