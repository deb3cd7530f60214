package dev.freeway.container.annotated;

/**
 * A {@code @PathParam} an endpoint uses: the template variable's name and the type it is converted to.
 * The same name used with two types gives two entries.
 */
record ParamPath(String name, Class<?> type) {
}
