package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.DataAccessException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazy stream of rows read through a server-side cursor (the driver fetches {@link #FETCH_SIZE}
 * rows at a time), for generated repository methods returning {@code Stream}. The statement, its
 * rows and the transaction the stream was opened in (when it is one of its own) are released when
 * the stream is closed, when its rows are exhausted, or when reading fails. Not public API.
 */
public final class RowStream {

    /** How many rows the driver fetches from the cursor at a time. */
    public static final int FETCH_SIZE = 256;

    /** A query a stream reads: the statement, prepared and bound, and how a row becomes an element. */
    public interface Query<T> {
        /** Prepares and binds the statement on {@code connection}, which the stream owns until it is closed. */
        PreparedStatement prepare(Connection connection) throws SQLException;

        /** The element of the current row of {@code rows}. */
        T map(ResultSet rows) throws SQLException;
    }

    /** Prepares and binds a stream's statement. */
    @FunctionalInterface
    public interface Prepare {
        PreparedStatement prepare(Connection connection) throws SQLException;
    }

    /** Turns the current row into a stream element. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    /** The query of {@code prepare} whose rows {@code mapper} turns into elements. */
    public static <T> Query<T> query(Prepare prepare, Mapper<T> mapper) {
        return new Query<>() {
            @Override
            public PreparedStatement prepare(Connection connection) throws SQLException {
                return prepare.prepare(connection);
            }

            @Override
            public T map(ResultSet rows) throws SQLException {
                return mapper.map(rows);
            }
        };
    }

    /** What runs once when a stream is released: with the rows it returned, and what reading failed with (null: nothing). */
    @FunctionalInterface
    public interface End {
        void ended(long read, Throwable failure);
    }

    private RowStream() {}

    /**
     * Runs {@code query} on {@code connection} and streams its rows; {@code end} runs once when the
     * stream is released (it ends a transaction of the stream's own). {@code observed} is reported
     * when the stream is released: with the rows read when they were read to the end, else -1; as
     * failed when reading failed (opening failed: the caller reports it).
     */
    public static <T> Stream<T> open(Connection connection, String operation, Query<T> query, Observation observed,
            Runnable end) throws SQLException {
        return open(connection, operation, query, observed, (read, failure) -> end.run());
    }

    /**
     * Like {@link #open(Connection, String, Query, Observation, Runnable)}, {@code end} told how many rows
     * the stream returned (mapped and handed on) and what reading failed with, once, when it is released.
     */
    public static <T> Stream<T> open(Connection connection, String operation, Query<T> query, Observation observed,
            End end) throws SQLException {
        PreparedStatement statement = query.prepare(connection);
        ResultSet rows;
        try {
            statement.setFetchSize(FETCH_SIZE);
            rows = statement.executeQuery();
        } catch (SQLException | RuntimeException e) {
            try {
                statement.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        Cursor<T> cursor = new Cursor<>(statement, rows, operation, query, observed, end);
        return StreamSupport.stream(cursor, false).onClose(cursor::release);
    }

    private static final class Cursor<T> extends Spliterators.AbstractSpliterator<T> {
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final String operation;
        private final Query<T> query;
        private final Observation observed;
        private final End end;
        private boolean released;
        private long read;
        private Throwable failure;

        Cursor(PreparedStatement statement, ResultSet rows, String operation, Query<T> query, Observation observed,
                End end) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.statement = statement;
            this.rows = rows;
            this.operation = operation;
            this.query = query;
            this.observed = observed;
            this.end = end;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (released) {
                return false;
            }
            T element;
            try {
                if (!rows.next()) {
                    observed.rows(read);
                    release();
                    return false;
                }
                element = query.map(rows);
                read++;
            } catch (SQLException e) {
                DataAccessException failure = new DataAccessException(operation, operation + " failed", e);
                releaseAfter(failure);
                throw failure;
            } catch (RuntimeException | Error e) {
                releaseAfter(e);
                throw e;
            }
            action.accept(element);
            return true;
        }

        private void releaseAfter(Throwable failure) {
            this.failure = failure;
            try {
                release();
            } catch (RuntimeException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }

        /** Closes the rows and the statement, then ends the stream's own transaction; once. */
        void release() {
            if (released) {
                return;
            }
            released = true;
            SQLException closing = null;
            try {
                rows.close();
            } catch (SQLException e) {
                closing = e;
            }
            try {
                statement.close();
            } catch (SQLException e) {
                closing = closing == null ? e : closing;
            }
            if (failure != null) {
                observed.failed(failure);
            } else {
                observed.succeeded();
            }
            end.ended(read, failure);
            if (closing != null) {
                throw new DataAccessException(operation, operation + " failed to close its rows", closing);
            }
        }
    }
}
