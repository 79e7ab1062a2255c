/**
 * Notices sent to customers, a sealed hierarchy of records in one table
 * ({@code Polymorphic.Strategy.SINGLE_TABLE}), audited, with a fallback subtype for channels this
 * version does not know (rows another service wrote).
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
package dev.tenantdao.samples.notices;

import dev.tenantdao.annotations.Tenanted;
