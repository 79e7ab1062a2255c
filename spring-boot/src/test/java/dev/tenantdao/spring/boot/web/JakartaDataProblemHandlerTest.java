package dev.tenantdao.spring.boot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.EntityExistsException;
import jakarta.data.exceptions.NonUniqueResultException;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/**
 * Jakarta Data's exceptions, as a controller calling a generated repository lets them out, and the
 * problem details answered for them. (No SQL here: what the repositories throw and when is their own
 * tests'; this is the mapping, and that no detail echoes the exception's message.)
 */
class JakartaDataProblemHandlerTest {

    private final JakartaDataProblemHandler handler = new JakartaDataProblemHandler();

    private static void assertProblem(ProblemDetail problem, int status, String detail) {
        assertEquals(status, problem.getStatus());
        assertEquals(detail, problem.getDetail());
    }

    @Test
    void eachHasItsStatusAndNoneEchoesTheMessage() {
        assertProblem(handler.emptyResult(new EmptyResultException("no Ticket 7 of acme")), 404, "No such row");
        assertProblem(handler.optimisticLock(new OptimisticLockingFailureException("Ticket 7 of acme")), 409,
                "The row was changed since it was read; read it again and retry");
        assertProblem(handler.entityExists(new EntityExistsException("Ticket 7 of acme")), 409, "The row exists already");
        assertProblem(handler.nonUnique(new NonUniqueResultException("2 rows of acme")), 500,
                "A query for one row found more than one");
    }
}
