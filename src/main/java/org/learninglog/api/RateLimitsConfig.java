package org.learninglog.api;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Requests per minute one caller and one client address may make (see {@link RateLimits}). */
@ConfigMapping(prefix = "learninglog.rate-limits")
public interface RateLimitsConfig {

    /** Off: nothing is counted, no request is refused. */
    @WithDefault("true")
    boolean enabled();

    /** Requests per minute by one member (all their tokens and sessions together), on any operation. */
    @WithDefault("600")
    int perCallerPerMinute();

    /** Requests per minute from one client address, on any operation, signed in or not. */
    @WithDefault("1200")
    int perAddressPerMinute();

    /** Operations that send email (invitations, nudges, sign-in links): counted again, against lower limits. */
    Email email();

    /** Search, similar questions and experts: the costly reads, counted again against lower limits. */
    Search search();

    /** A stricter class of operations, counted in buckets of its own besides the default ones. */
    interface Limits {

        /** The operations (`operationId` in openapi.yaml) in the class. */
        Set<String> operations();

        /** Requests per minute of the class by one member. */
        int perCallerPerMinute();

        /** Requests per minute of the class from one client address. */
        int perAddressPerMinute();
    }

    interface Email extends Limits {
        @Override
        @WithDefault("createMember,resendInvitation,nudgeMember,requestSignInLink")
        Set<String> operations();

        @Override
        @WithDefault("10")
        int perCallerPerMinute();

        @Override
        @WithDefault("20")
        int perAddressPerMinute();
    }

    interface Search extends Limits {
        @Override
        @WithDefault("search,listSimilarQuestions,listExperts")
        Set<String> operations();

        @Override
        @WithDefault("60")
        int perCallerPerMinute();

        @Override
        @WithDefault("120")
        int perAddressPerMinute();
    }
}
