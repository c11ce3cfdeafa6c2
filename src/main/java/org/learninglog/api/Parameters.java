package org.learninglog.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * The wire names of a resource method's parameters (`limit`, `groupId`, `Idempotency-Key`), as the generated
 * interfaces declare them. Problems name what the caller sent, not the Java parameter it ended up in; the
 * annotations live on the interface, so they are looked up there.
 */
final class Parameters {

    enum In { QUERY, PATH, HEADER, COOKIE, FORM, BODY }

    /** One parameter: where it is sent, under which name, and the Java type it is converted to. */
    record Declared(In in, String name, Class<?> type) {
    }

    private static final Map<Method, List<Declared>> CACHE = new ConcurrentHashMap<>();

    private Parameters() {
    }

    /** The parameters of the method with this name and these parameter types, declared on the class or above. */
    static Optional<List<Declared>> of(Class<?> resourceClass, String name, Class<?>[] parameterTypes) {
        try {
            return Optional.of(of(resourceClass.getMethod(name, parameterTypes)));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    static List<Declared> of(Method method) {
        return CACHE.computeIfAbsent(method, Parameters::declared);
    }

    private static List<Declared> declared(Method method) {
        Method declaring = annotated(method.getDeclaringClass(), method).orElse(method);
        Annotation[][] annotations = declaring.getParameterAnnotations();
        Class<?>[] types = declaring.getParameterTypes();
        List<Declared> parameters = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            parameters.add(declared(annotations[i], types[i]));
        }
        return List.copyOf(parameters);
    }

    private static Declared declared(Annotation[] annotations, Class<?> type) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return new Declared(In.QUERY, query.value(), type);
            }
            if (annotation instanceof PathParam path) {
                return new Declared(In.PATH, path.value(), type);
            }
            if (annotation instanceof HeaderParam header) {
                return new Declared(In.HEADER, header.value(), type);
            }
            if (annotation instanceof CookieParam cookie) {
                return new Declared(In.COOKIE, cookie.value(), type);
            }
            if (annotation instanceof FormParam form) {
                return new Declared(In.FORM, form.value(), type);
            }
        }
        return new Declared(In.BODY, "body", type);
    }

    /** The declaration that carries the JAX-RS parameter annotations: on the class, a superclass or an interface. */
    private static Optional<Method> annotated(Class<?> type, Method method) {
        if (type == null || type == Object.class) {
            return Optional.empty();
        }
        try {
            Method candidate = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            for (Annotation[] parameter : candidate.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    if (annotation.annotationType().getPackageName().equals(QueryParam.class.getPackageName())) {
                        return Optional.of(candidate);
                    }
                }
            }
        } catch (NoSuchMethodException e) {
            // look further up
        }
        for (Class<?> face : type.getInterfaces()) {
            Optional<Method> found = annotated(face, method);
            if (found.isPresent()) {
                return found;
            }
        }
        return annotated(type.getSuperclass(), method);
    }
}
