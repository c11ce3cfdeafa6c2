package org.learninglog.api;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import com.fasterxml.jackson.core.JsonProcessingException;

/** JAX-RS's own failures (no such route, wrong method or media type, bad parameter) as problems. */
@Provider
class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private final Contract contract;

    WebApplicationExceptionMapper(Contract contract) {
        this.contract = contract;
    }

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
            case 415 -> "The body must be " + consumed();
            default -> status >= 500 ? "The request could not be processed"
                    : "The request could not be processed: " + title;
        };
        Response problem = ProblemResponses.of(status, "/problems/http-" + status, title, detail, null);
        if (status == 405) {
            // RFC 9110: a 405 names the methods the resource has.
            String allow = allowedHere();
            if (allow == null) {
                allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
            }
            if (allow != null) {
                return Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
            }
        }
        return problem;
    }

    private String allowedHere() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        return request == null ? null : contract.allow(request.getPath()).orElse(null);
    }

    /** The media types the operation reads, as the contract lists them; JSON for most. */
    private String consumed() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        List<String> types = request == null ? List.of()
                : contract.consumes(request.getPath(), request.getMethod());
        return types.isEmpty() ? "application/json" : String.join(" or ", types);
    }
}
