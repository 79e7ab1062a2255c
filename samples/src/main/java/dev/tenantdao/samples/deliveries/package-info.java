/**
 * Deliveries, an abstract class with a table per subtype ({@code Polymorphic.Strategy.JOINED}),
 * audited, with a fallback subtype for methods this version does not know.
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
package dev.tenantdao.samples.deliveries;

import dev.tenantdao.annotations.Tenanted;
