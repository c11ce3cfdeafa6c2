package org.learninglog.mail;

import java.util.Optional;
import java.util.Set;

/**
 * Renders the outbox rows of some kinds into emails. Each feature that sends email provides one
 * (an `@ApplicationScoped` bean); the dispatcher picks it by the row's `kind`.
 */
public interface MailComposer {

    /** The kinds of the rows this composer renders, e.g. `REMINDER`. */
    Set<MailKind<?>> kinds();

    /**
     * The email for a row, from its data read with {@link OutboundEmail#data(MailKind)}; throwing counts as a
     * failed delivery attempt (retried, then DEAD).
     */
    ComposedMail compose(OutboundEmail email);

    /**
     * What a reply to the email answers, when people may answer it by email ({@link ReplyAddresses}): the
     * dispatcher then gives it a `Reply-To` address naming the email, and an inbound reply is placed by this.
     */
    default Optional<ReplyTarget> replyTarget(OutboundEmail email) {
        return Optional.empty();
    }
}
