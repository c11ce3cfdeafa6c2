package org.learninglog.api;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/** Routes no resource serves answer with problem details too. */
@Singleton
class NotFoundRoutes {

    void install(@Observes Router router) {
        router.errorHandler(404, context -> {
            if (context.response().ended()) {
                return;
            }
            JsonObject problem = new JsonObject()
                    .put("type", "/problems/http-404")
                    .put("title", "Not Found")
                    .put("status", 404)
                    .put("detail", "No such resource");
            context.response().setStatusCode(404)
                    .putHeader("Content-Type", ProblemResponses.PROBLEM_JSON)
                    .end(problem.encode());
        });
    }
}
