package dev.tenantdao.spring;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** An application-assigned key, to meet a duplicate. */
@Entity
@Tenanted(rowLevelSecurity = false)
public record Tag(@Id String name) {}
