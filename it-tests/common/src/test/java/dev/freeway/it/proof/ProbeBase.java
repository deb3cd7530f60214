package dev.freeway.it.proof;

/** A supertype {@link ProbeInitializer} asks for, as Freeway's initializer asks for {@code Endpoint}. */
public abstract class ProbeBase {
}
