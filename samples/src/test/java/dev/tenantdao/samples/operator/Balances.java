package dev.tenantdao.samples.operator;

import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Repository;
import java.util.stream.Stream;

/** A repository of {@link Balance}, for {@code Stream} results in an operator block. */
@Repository
public interface Balances {

    @Find
    @OrderBy("id")
    Stream<Balance> streamAll();
}
