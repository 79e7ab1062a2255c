package com.example.billing;

/** A plan, stored as its code through PlanConverter. */
public record Plan(String code) {}
