package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Converters;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/**
 * A converter registered on the entity applies to the components of its embedded values as to its own
 * fields: {@code outer_unit} and {@code spare_unit} hold {@code mm}, not {@code MILLIMETRE}.
 */
@Entity
@Tenanted
@Converters(UnitConverter.class)
public record Crate(@Id long id, Unit unit, @Embedded Dimensions outer, @Embedded(prefix = "spare_") Dimensions spare) {}
