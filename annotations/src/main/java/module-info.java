/**
 * tenantdao's annotations ({@code dev.tenantdao.annotations}) and the strings the processor and the
 * runtime share ({@code dev.tenantdao.annotations.internal}: not API).
 */
module dev.tenantdao.annotations {
    exports dev.tenantdao.annotations;
    exports dev.tenantdao.annotations.internal;
    exports dev.tenantdao.annotations.internal.schema;
}
