package org.learninglog.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

/** The last resort: log the cause, answer without a stack trace. */
@Provider
class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Exception exception) {
        LOG.error("Unexpected failure", exception);
        return ProblemResponses.of(500, "/problems/internal", "Internal error",
                "The request could not be processed; it was logged", null);
    }
}
