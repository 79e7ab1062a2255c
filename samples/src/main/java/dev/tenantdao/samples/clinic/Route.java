package dev.tenantdao.samples.clinic;

/** How a medication is given. */
public enum Route {
    ORAL, INTRAVENOUS, TOPICAL
}
