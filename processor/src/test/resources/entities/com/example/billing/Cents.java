package com.example.billing;

/** An amount in cents. */
public record Cents(long value) {}
