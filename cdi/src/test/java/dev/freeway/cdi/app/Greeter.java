package dev.freeway.cdi.app;

import jakarta.enterprise.context.ApplicationScoped;

/** Something to inject. */
@ApplicationScoped
public class Greeter {
    public String greet(String name) {
        return "hello " + name;
    }
}
