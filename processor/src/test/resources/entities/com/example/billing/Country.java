package com.example.billing;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;

/** Shared by all tenants; a class built through its all-arguments constructor. */
@Entity
public final class Country {
    @Id
    private final String code;
    private final String name;

    public Country(String name, String code) {
        this.code = code;
        this.name = name;
    }

    public String code() { return code; }
    public String name() { return name; }
}
