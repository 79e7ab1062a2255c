package dev.tenantdao.spring.boot.web;

import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Jakarta Data exceptions generated repositories throw, as problem details, beside
 * {@link TenantdaoProblemHandler}'s: {@code EmptyResultException} 404 (a single result that is not
 * there), {@code OptimisticLockingFailureException} 409, {@code EntityExistsException} 409,
 * {@code NonUniqueResultException} 500 (a query the application wrote for one row found more: its
 * bug, not the client's). Registered only when {@code jakarta.data-api} is on the class path; ordered
 * last, so the application's own handlers win. The details name no tenant and no value.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class JakartaDataProblemHandler {

    @ExceptionHandler(EmptyResultException.class)
    public ProblemDetail emptyResult(EmptyResultException e) {
        return TenantProblems.problem(HttpStatus.NOT_FOUND, "No such row");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ProblemDetail optimisticLock(OptimisticLockingFailureException e) {
        return TenantProblems.problem(HttpStatus.CONFLICT, "The row was changed since it was read; read it again and retry");
    }

    @ExceptionHandler(EntityExistsException.class)
    public ProblemDetail entityExists(EntityExistsException e) {
        return TenantProblems.problem(HttpStatus.CONFLICT, "The row exists already");
    }

    @ExceptionHandler(NonUniqueResultException.class)
    public ProblemDetail nonUnique(NonUniqueResultException e) {
        return TenantProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "A query for one row found more than one");
    }
}
