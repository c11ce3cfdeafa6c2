package org.learninglog.api;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/** Routes no resource serves answer with problem details too. */
@Singleton
class NotFoundRoutes {

    void install(@Observes Router router) {
        router.errorHandler(404, context -> {
            if (context.response().ended()) {
                return;
            }
            context.response().setStatusCode(404)
                    .putHeader("Content-Type", ProblemResponses.PROBLEM_JSON)
                    .end(ProblemResponses.body(404, "Not Found", "No such resource"));
        });
    }
}
