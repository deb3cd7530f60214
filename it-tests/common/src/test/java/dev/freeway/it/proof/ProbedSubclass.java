package dev.freeway.it.proof;

/** Lives in WEB-INF/classes; must be handed to {@link ProbeInitializer} for its supertype. */
public class ProbedSubclass extends ProbeBase {
}
