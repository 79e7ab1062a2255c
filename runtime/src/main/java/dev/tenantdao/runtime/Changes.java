package dev.tenantdao.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes of several audited entities together, in transaction order: what the application
 * changed in a time range, or what one transaction changed, across entities. Each DAO answers for
 * its own entity ({@code changesBetween(from, to)}, {@code changesInTransaction(id)}, in its
 * tenant); this merges their answers.
 *
 * <pre>{@code
 * List<HistoryEntry<?>> day = Changes.inTransactionOrder(
 *         contracts.changesBetween(from, to), invoices.changesBetween(from, to));
 * Map<Long, List<HistoryEntry<?>>> byTransaction = Changes.byTransaction(day);
 * List<HistoryEntry<?>> one = Changes.inTransactionOrder(
 *         contracts.changesInTransaction(tx), invoices.changesInTransaction(tx));
 * }</pre>
 *
 * <p>Transaction order is the order of each transaction's first change ({@link
 * HistoryEntry#changedAt()}, the database clock when the statement ran), and within a transaction
 * the order its changes were made in. PostgreSQL records no commit order in the history: two
 * transactions that ran at the same time appear in the order they began changing rows, each kept
 * together. A range can cut a transaction at its ends (its other changes fall outside it).
 */
public final class Changes {

    private Changes() {}

    /**
     * Every entry of {@code changes} (each list one entity's, as its DAO returned it), in transaction
     * order: transactions by their first change, each transaction's changes together, oldest first;
     * entries made at the same instant keep the order they were given in.
     */
    @SafeVarargs
    public static List<HistoryEntry<?>> inTransactionOrder(List<? extends HistoryEntry<?>>... changes) {
        List<HistoryEntry<?>> all = new ArrayList<>();
        for (List<? extends HistoryEntry<?>> one : changes) {
            all.addAll(one);
        }
        all.sort(Comparator.comparing(HistoryEntry::changedAt));      // stable: equal instants keep their order
        Map<Long, Integer> firstChange = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            firstChange.putIfAbsent(all.get(i).transactionId(), i);
        }
        List<HistoryEntry<?>> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparingInt(entry -> firstChange.get(entry.transactionId())));
        return List.copyOf(ordered);
    }

    /**
     * {@code changes} grouped by transaction, in the order of the list (give it {@link
     * #inTransactionOrder}'s): transaction id to its changes.
     */
    public static Map<Long, List<HistoryEntry<?>>> byTransaction(List<? extends HistoryEntry<?>> changes) {
        Map<Long, List<HistoryEntry<?>>> grouped = new LinkedHashMap<>();
        for (HistoryEntry<?> entry : changes) {
            grouped.computeIfAbsent(entry.transactionId(), id -> new ArrayList<>()).add(entry);
        }
        grouped.replaceAll((id, entries) -> List.copyOf(entries));
        return grouped;
    }
}
