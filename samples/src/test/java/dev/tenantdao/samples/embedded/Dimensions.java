package dev.tenantdao.samples.embedded;

/** Outer dimensions in a unit: a value that converts nothing itself (its unit is converted where it is registered). */
public record Dimensions(int width, int height, Unit unit) {}
