/**
 * An outside trial: a network of community tool libraries, each library a tenant (row strategy under
 * row-level security; the workshop benches: a schema per library). Written from the README only.
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Tenanted;
