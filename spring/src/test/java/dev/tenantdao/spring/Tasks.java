package dev.tenantdao.spring;

import dev.tenantdao.annotations.Sql;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.stream.Stream;

/**
 * A repository of every kind of method that writes or opens a transaction: CrudRepository's lifecycle
 * methods (on one entity and on many), a JDQL bulk update, a delete by method name, a stream over a
 * server-side cursor (and BasicRepository's {@code findAll()}, another), a native write.
 */
@Repository
public interface Tasks extends CrudRepository<Task, String> {

    @Query("UPDATE Task SET state = :to WHERE state = :from")
    long move(String from, String to);

    long deleteByState(String state);

    @Find
    Stream<Task> inState(String state);

    @Sql("UPDATE task SET title = title || :suffix WHERE tenant_id = :tenant AND state = :state")
    int suffixTitles(String state, String suffix);
}
