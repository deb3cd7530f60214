package dev.freeway.cdi.app;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Puts brackets around what an intercepted method returns, when it returns a String. */
@Bracketed
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class BracketInterceptor {
    @AroundInvoke
    Object bracket(InvocationContext call) throws Exception {
        Object result = call.proceed();
        return result instanceof String ? "[" + result + "]" : result;
    }
}
