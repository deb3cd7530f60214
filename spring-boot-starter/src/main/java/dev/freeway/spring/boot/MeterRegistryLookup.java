package dev.freeway.spring.boot;

import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The application's Micrometer {@code MeterRegistry} (Boot's, when the actuator is there, or one the
 * application declares), for Freeway to publish its meters in, or {@code null} when Micrometer is
 * not on the class path or no single registry is declared (Freeway then uses Micrometer's global
 * registry, or JMX). Looked up by name, so that the starter needs no Micrometer to compile or run.
 */
final class MeterRegistryLookup implements Supplier<Object> {
    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private final ListableBeanFactory beans;

    MeterRegistryLookup(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Asked when the embedded server starts Freeway, once every bean post-processor is in place. */
    @Override
    public Object get() {
        ClassLoader loader = beans.getClass().getClassLoader();
        if (!ClassUtils.isPresent(METER_REGISTRY, loader)) {
            return null;
        }
        return beans.getBeanProvider(ClassUtils.resolveClassName(METER_REGISTRY, loader)).getIfUnique();
    }
}
