package com.example.billing;

import dev.tenantdao.runtime.Converter;

/** Stores a Plan as its code. */
public final class PlanConverter implements Converter<Plan, String> {
    public static final PlanConverter INSTANCE = new PlanConverter();

    @Override
    public String toDatabase(Plan plan) {
        return plan.code();
    }

    @Override
    public Plan fromDatabase(String code) {
        return new Plan(code);
    }
}
