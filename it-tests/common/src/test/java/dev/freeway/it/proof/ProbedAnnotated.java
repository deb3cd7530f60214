package dev.freeway.it.proof;

/** Lives in WEB-INF/classes; must be handed to {@link ProbeInitializer} for its annotation. */
@Probe
public class ProbedAnnotated {
}
