package dev.tenantdao.runtime;

/** Work without a result done inside {@link Database#useTransaction}. */
@FunctionalInterface
public interface TransactionConsumer<X extends Exception> {
    void useTransaction(Transaction transaction) throws X;
}
