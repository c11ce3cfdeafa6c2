package org.learninglog.identity;

import java.util.UUID;

/** Who is asking: the authenticated member and whether they administer the service. */
public record Actor(UUID id, boolean admin) {
}
