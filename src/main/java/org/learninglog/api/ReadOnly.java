package org.learninglog.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A use case that only reads: it runs in a transaction of its own whose persistence context is read-only (Hibernate
 * keeps no snapshots of what it loads and checks nothing for changes) and which is rolled back at the end, so
 * nothing it might write is kept. Calling it inside another transaction is a programming error: the caller's
 * changes would silently not be flushed.
 */
@InterceptorBinding
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadOnly {
}
