package com.example.billing;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Transient;
import java.util.UUID;

@Entity(table = "customers")
@Tenanted(column = "org_id", columnType = Tenanted.ColumnType.UUID)
public class Customer {
    @Id
    private UUID id;

    @TenantId
    private UUID orgId;

    @Column(name = "display_name", nullable = false)
    private String name;

    private Integer rating;

    boolean active;

    @Transient
    private String cached;

    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public UUID getOrgId() { return orgId; }
    public void setOrgId(UUID orgId) { this.orgId = orgId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getRating() { return rating; }
    public void setRating(Integer rating) { this.rating = rating; }
}
