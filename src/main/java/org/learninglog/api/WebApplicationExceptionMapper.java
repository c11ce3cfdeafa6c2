package org.learninglog.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;

/** JAX-RS's own failures (no such route, wrong method or media type, bad parameter) as problems. */
@Provider
class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getCause() instanceof JsonProcessingException json) {
            return ProblemResponses.of(JsonProblemMapper.problemOf(json));
        }
        int status = exception.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "Only application/json can be produced";
            case 415 -> "The body must be application/json";
            default -> status >= 500 ? "The request could not be processed"
                    : "The request could not be processed: " + title;
        };
        Response problem = ProblemResponses.of(status, "/problems/http-" + status, title, detail, null);
        if (status == 405 && exception.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", exception.getResponse().getHeaderString("Allow"))
                    .build();
        }
        return problem;
    }
}
