package dev.tenantdao.benchmarks;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * {@link Product}'s table as Spring Data JDBC maps it. Spring Data has no tenancy: the tenant is a property like
 * any other, which every query names by hand.
 */
@Table("product")
public record SpringProduct(
        @Id Long id,
        String tenantId,
        String name,
        String category,
        BigDecimal price,
        int quantity) {}
