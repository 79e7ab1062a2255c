package dev.tenantdao.spring.boot.web;

import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.OptimisticLockException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.runtime.UnknownTenantException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * tenantdao's exceptions thrown by controllers as RFC 9457 problem details
 * ({@code application/problem+json}):
 *
 * <table>
 *   <caption>Statuses</caption>
 *   <tr><th>exception</th><th>status</th></tr>
 *   <tr><td>{@code NoTenantException}, {@code InvalidTenantException}, {@code UnknownTenantException}</td><td>400</td></tr>
 *   <tr><td>{@code TenantMismatchException}, {@code NoVendorException}, {@code VendorMismatchException}</td><td>403</td></tr>
 *   <tr><td>{@code RowNotFoundException}</td><td>404</td></tr>
 *   <tr><td>{@code OptimisticLockException}</td><td>409</td></tr>
 * </table>
 *
 * <p>{@code NoVendorException} is 403, not 400 like {@code NoTenantException}: a request without a
 * tenant is malformed (every request of a tenanted application has one, and the filter answers 400
 * before the application sees it), while a request with a valid tenant and no vendor is well formed
 * (an operator's, say) but not entitled to vendor-scoped rows through that call; the same exception
 * also refuses an entity of another vendor and an insert tenant-wide, both, like
 * {@code TenantMismatchException}, a reach outside the caller's scope.
 *
 * <p>The details never name another tenant or echo a tenant or vendor id. Ordered last: an
 * {@code @ExceptionHandler} of the application's for any of them (in a controller or in an advice)
 * wins. Subclass it, or define a bean of this type, to change an answer.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class TenantdaoProblemHandler {

    @ExceptionHandler(NoTenantException.class)
    public ProblemDetail noTenant(NoTenantException e) {
        return TenantProblems.problem(HttpStatus.BAD_REQUEST, "The request has no tenant");
    }

    @ExceptionHandler(InvalidTenantException.class)
    public ProblemDetail invalidTenant(InvalidTenantException e) {
        return TenantProblems.problem(HttpStatus.BAD_REQUEST, "The tenant of the request is not a valid tenant id");
    }

    @ExceptionHandler(UnknownTenantException.class)
    public ProblemDetail unknownTenant(UnknownTenantException e) {
        return TenantProblems.problem(HttpStatus.BAD_REQUEST, "The tenant of the request is not known");
    }

    @ExceptionHandler(TenantMismatchException.class)
    public ProblemDetail tenantMismatch(TenantMismatchException e) {
        return TenantProblems.problem(HttpStatus.FORBIDDEN, "The request would reach across tenants");
    }

    @ExceptionHandler(NoVendorException.class)
    public ProblemDetail noVendor(NoVendorException e) {
        return TenantProblems.problem(HttpStatus.FORBIDDEN,
                "The request cannot reach these vendor-scoped rows: it acts for no vendor, or for another one");
    }

    @ExceptionHandler(dev.tenantdao.runtime.VendorMismatchException.class)
    public ProblemDetail vendorMismatch(dev.tenantdao.runtime.VendorMismatchException e) {
        return TenantProblems.problem(HttpStatus.FORBIDDEN, "The request would reach across vendors");
    }

    @ExceptionHandler(RowNotFoundException.class)
    public ProblemDetail rowNotFound(RowNotFoundException e) {
        return TenantProblems.problem(HttpStatus.NOT_FOUND, "No " + e.entity() + " with id " + e.id());
    }

    @ExceptionHandler(OptimisticLockException.class)
    public ProblemDetail optimisticLock(OptimisticLockException e) {
        return TenantProblems.problem(HttpStatus.CONFLICT, e.entity() + " with id " + e.id()
                + " was changed since it was read; read it again and retry");
    }
}
