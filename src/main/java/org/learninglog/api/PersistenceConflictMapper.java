package org.learninglog.api;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/** A race lost against another request: a unique key or a version already taken is a conflict, not a crash. */
@Provider
class PersistenceConflictMapper implements ExceptionMapper<PersistenceException> {

    private static final Logger LOG = Logger.getLogger(PersistenceConflictMapper.class);

    @Override
    public Response toResponse(PersistenceException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return ProblemResponses
                        .of(Problems.conflict("The change conflicts with data stored meanwhile; reload and retry"));
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return ProblemResponses
                        .of(Problems.preconditionFailed("The resource was changed meanwhile; reload and retry"));
            }
        }
        LOG.error("Unexpected persistence failure", exception);
        return ProblemResponses.of(500, "/problems/internal", "Internal error",
                "The request could not be processed; it was logged", null);
    }
}
