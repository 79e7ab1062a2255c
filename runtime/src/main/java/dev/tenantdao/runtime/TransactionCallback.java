package dev.tenantdao.runtime;

/** Work done inside {@link Database#inTransaction}; DAO calls made by it share the transaction. */
@FunctionalInterface
public interface TransactionCallback<T, X extends Exception> {
    T inTransaction(Transaction transaction) throws X;
}
