package dev.tenantdao.samples.trial.tools;

/** Where a loan stands. */
public enum LoanStatus { OUT, RETURNED, OVERDUE, LOST }
