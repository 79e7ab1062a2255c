package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/**
 * Enums stored by name in text types named with {@code @Column(type)}: no enum type is created for them
 * (only {@code size_class}, which is not a built-in type, is one).
 */
@Entity
@Tenanted
@Audited
public record Kennel(@Id long id,
                     @Column(type = "text") Size size,
                     @Column(type = "varchar(5)") Size small,
                     @Column(type = "size_class") Size sizeClass) {

    public enum Size { SMALL, MEDIUM, LARGE }
}
