package dev.tenantdao.samples.invoicing;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.BeforeUpdate;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Transient;
import java.time.Instant;

/** A customer of one tenant: an ordinary class with a no-argument constructor and setters. */
@Entity
public class Customer {

    @Id(generated = true)
    private Long id;

    /** Read-only: set by the DAO from the current tenant. */
    @TenantId
    private String tenantId;

    @Column(nullable = false)
    private String name;

    private String email;

    @Column(name = "vat_number")
    private String vatId;

    private boolean active = true;

    private Instant createdAt;

    /** Not stored: computed for display. */
    @Transient
    private String displayName;

    public Customer() {}

    public Customer(String name, String email) {
        this.name = name;
        this.email = email;
    }

    /** Emails are stored trimmed and in lower case, whoever wrote them. */
    @BeforeInsert
    @BeforeUpdate
    void normalizeEmail() {
        if (email != null) {
            email = email.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getTenantId() {
        return tenantId;
    }

    void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getVatId() {
        return vatId;
    }

    public void setVatId(String vatId) {
        this.vatId = vatId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public String getDisplayName() {
        return displayName != null ? displayName : name + (email == null ? "" : " <" + email + ">");
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String toString() {
        return "Customer[id=" + id + ", tenant=" + tenantId + ", name=" + name + "]";
    }
}
