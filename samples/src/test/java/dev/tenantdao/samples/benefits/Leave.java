package dev.tenantdao.samples.benefits;

/** Time off: an intermediate level of {@link Benefit}, grouping its kinds of leave. */
public abstract sealed class Leave extends Benefit permits SickLeave, ParentalLeave {
}
