package dev.tenantdao.spring;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Tenanted;

/**
 * A single-table hierarchy (table {@code reading}), without hooks or audit: the root's
 * {@code insertAll} of a mixed list is one set-based statement per subtype, in one transaction.
 */
@Entity
@Tenanted
@Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE)
public sealed interface Reading permits Reading.Temperature, Reading.Humidity {

    @Id(generated = true)
    Long id();

    String sensor();

    record Temperature(Long id, String sensor, Integer celsius) implements Reading {}

    record Humidity(Long id, String sensor, Integer percent) implements Reading {}
}
