package org.learninglog.api;

import java.util.List;

import org.learninglog.api.contract.model.FieldErrorJson;

/** A failure the caller can act on; rendered as RFC 9457 problem details. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldErrorJson> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldErrorJson> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldErrorJson> errors() {
        return errors;
    }
}
