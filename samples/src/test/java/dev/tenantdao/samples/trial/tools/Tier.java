package dev.tenantdao.samples.trial.tools;

/** What a member may borrow. */
public enum Tier { BASIC, MAKER, PRO }
