package org.learninglog.api;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.learninglog.api.contract.model.FieldErrorJson;

/** Bean Validation failures of the contract's constraints become a 400 with one error per field. */
@Provider
class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldErrorJson> errors = exception.getConstraintViolations().stream()
                .map(v -> Problems.fieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldErrorJson::getField))
                .toList();
        return ProblemResponses.of(Problems.invalid(errors));
    }

    /**
     * What the caller sent that broke the constraint: a parameter by its name on the wire (`limit`,
     * `Idempotency-Key`), a body field by its path in the body (`displayName`, `tags[2]`), or the whole `body`.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        Iterator<Path.Node> nodes = violation.getPropertyPath().iterator();
        if (!nodes.hasNext()) {
            return "body";
        }
        Path.Node method = nodes.next();
        if (method.getKind() != ElementKind.METHOD || !nodes.hasNext()) {
            return "body";
        }
        Path.Node parameter = nodes.next();
        if (parameter.getKind() != ElementKind.PARAMETER) {
            return "body";
        }
        Optional<Parameters.Declared> declared = Parameters.of(violation.getRootBeanClass(), method.getName(),
                method.as(Path.MethodNode.class).getParameterTypes().toArray(Class<?>[]::new))
                .map(all -> all.get(parameter.as(Path.ParameterNode.class).getParameterIndex()));
        if (declared.isPresent() && declared.get().in() != Parameters.In.BODY) {
            return declared.get().name();
        }
        StringBuilder field = new StringBuilder();
        nodes.forEachRemaining(node -> {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        });
        return field.isEmpty() ? "body" : field.toString();
    }
}
