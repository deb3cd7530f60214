package dev.freeway.cdi;

import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * CDI as one application has it: its bean manager, Freeway's extension there, and the request
 * contexts for callbacks.
 */
record CdiRuntime(BeanManager beanManager, FreewayCdiExtension extension, RequestContexts requestContexts) {

    /**
     * Connects to the CDI container of {@code beanManager}.
     *
     * @throws IllegalArgumentException when Freeway's extension is not registered there
     */
    static CdiRuntime of(BeanManager beanManager) {
        FreewayCdiExtension extension = beanManager.getExtension(FreewayCdiExtension.class);
        return new CdiRuntime(beanManager, extension,
                new RequestContexts(beanManager.createInstance().select(RequestContextController.class)));
    }
}
