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
import com.fasterxml.jackson.databind.ObjectMapper;

/** JAX-RS's own failures (no such route, wrong method or media type, bad parameter) as problems. */
@Provider
class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private final Contract contract;
    private final ObjectMapper json;

    WebApplicationExceptionMapper(Contract contract, ObjectMapper json) {
        this.contract = contract;
        this.json = json;
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
            case 406 -> "The Accept header allows none of the media types this operation answers with: " + produced();
            case 415 -> "The body must be " + consumed();
            default -> status >= 500 ? "The request could not be processed"
                    : "The request could not be processed: " + title;
        };
        Response problem = ProblemResponses.of(status, "/problems/http-" + status, title, detail, null);
        if (status == 406) {
            // Written as text: the writer JAX-RS would pick for the problem follows the very Accept that failed.
            try {
                return Response.fromResponse(problem).entity(json.writeValueAsString(problem.getEntity())).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
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

    /** The media types the operation's success responses are in, as the contract lists them. */
    private String produced() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        List<String> types = request == null ? List.of()
                : contract.produces(request.getPath(), request.getMethod());
        return types.isEmpty() ? "application/json" : String.join(", ", types);
    }

    /** The media types the operation reads, as the contract lists them; JSON for most. */
    private String consumed() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        List<String> types = request == null ? List.of()
                : contract.consumes(request.getPath(), request.getMethod());
        return types.isEmpty() ? "application/json" : String.join(" or ", types);
    }
}
