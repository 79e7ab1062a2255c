package com.example.billing;

import jakarta.data.repository.Delete;
import jakarta.data.repository.Insert;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Save;
import jakarta.data.repository.Update;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Lifecycle methods through the DAO (hooks and converters there), and queries binding converted values. */
@Repository
public interface Subscriptions {

    @Insert
    Subscription add(Subscription subscription);

    @Insert
    List<Subscription> addAll(List<Subscription> subscriptions);

    @Update
    Subscription change(Subscription subscription);

    @Save
    void store(Subscription subscription);

    @Delete
    void remove(Subscription subscription);

    @Delete
    void removeAll(Subscription[] subscriptions);

    List<Subscription> findByPlanIn(List<Plan> plans);

    @Query("WHERE price > :price ORDER BY price")
    List<Subscription> pricierThan(Cents price);

    @Query("WHERE id = :id AND startedAt < :at")
    Optional<Subscription> startedBefore(UUID id, Instant at);
}
