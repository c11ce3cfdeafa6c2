package org.learninglog.api;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;

import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs a {@link ReadOnly} method in a read-only transaction of its own. It sits outside `@Transactional` (whose
 * interceptor has priority `PLATFORM_BEFORE + 200`), which then joins the transaction begun here.
 */
@ReadOnly
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
class ReadOnlyInterceptor {

    private final TransactionManager transactions;
    private final Session session;

    ReadOnlyInterceptor(TransactionManager transactions, Session session) {
        this.transactions = transactions;
        this.session = session;
    }

    @AroundInvoke
    Object readOnly(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException(invocation.getMethod() + " reads in a transaction of its own; it was"
                    + " called inside another one, whose changes would not be flushed");
        }
        transactions.begin();
        try {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            return invocation.proceed();
        } finally {
            transactions.rollback();
        }
    }
}
