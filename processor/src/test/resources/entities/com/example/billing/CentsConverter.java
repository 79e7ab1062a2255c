package com.example.billing;

import dev.tenantdao.runtime.Converter;

/** Stores Cents as a bigint. */
public class CentsConverter implements Converter<Cents, Long> {
    @Override
    public Long toDatabase(Cents cents) {
        return cents.value();
    }

    @Override
    public Cents fromDatabase(Long value) {
        return new Cents(value);
    }
}
