package dev.freeway.container.server;

import dev.freeway.engine.ExtensionOffer;
import jakarta.websocket.Extension;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable {@link Extension}: a name and its parameters in order, as in one element of a
 * {@code Sec-WebSocket-Extensions} header, convertible to and from the engine's
 * {@link ExtensionOffer}. A parameter without a value ({@code client_no_context_takeover}) has
 * the value {@code null}. Two instances are equal when name and parameters are.
 */
public final class FreewayExtension implements Extension {
    private final String name;
    private final List<Extension.Parameter> parameters;

    /**
     * @param name       the extension token
     * @param parameters the parameters, in order; copied
     */
    public FreewayExtension(String name, List<? extends Extension.Parameter> parameters) {
        this.name = Objects.requireNonNull(name, "name");
        List<Extension.Parameter> copy = new ArrayList<>();
        if (parameters != null) {
            for (Extension.Parameter p : parameters) {
                copy.add(Parameter.copyOf(p));
            }
        }
        this.parameters = Collections.unmodifiableList(copy);
    }

    /** An extension without parameters. */
    public static FreewayExtension of(String name) {
        return new FreewayExtension(name, List.of());
    }

    /** The extension an engine offer or response describes. */
    public static FreewayExtension from(ExtensionOffer offer) {
        List<Extension.Parameter> params = new ArrayList<>();
        for (Map.Entry<String, String> p : offer.parameters().entrySet()) {
            params.add(new Parameter(p.getKey(), p.getValue()));
        }
        return new FreewayExtension(offer.name(), params);
    }

    /** The engine's form of any {@link Extension}. */
    public static ExtensionOffer toOffer(Extension extension) {
        Objects.requireNonNull(extension, "extension");
        Map<String, String> params = new LinkedHashMap<>();
        List<Extension.Parameter> list = extension.getParameters();
        if (list != null) {
            for (Extension.Parameter p : list) {
                if (params.containsKey(p.getName())) {
                    throw new IllegalArgumentException("extension '" + extension.getName() + "' has the parameter '"
                            + p.getName() + "' twice");
                }
                params.put(p.getName(), p.getValue());
            }
        }
        return new ExtensionOffer(extension.getName(), params);
    }

    /**
     * Whether an extension names one of its parameters more than once, which the engine's
     * {@link ExtensionOffer} (one value per name) cannot carry.
     *
     * @param extension any extension
     * @return true when a parameter name repeats
     */
    public static boolean repeatsAParameter(Extension extension) {
        List<Extension.Parameter> list = extension.getParameters();
        if (list == null) {
            return false;
        }
        Set<String> names = new HashSet<>();
        for (Extension.Parameter p : list) {
            if (!names.add(p.getName())) {
                return true;
            }
        }
        return false;
    }

    /** This extension as the engine's offer or response element. */
    public ExtensionOffer toOffer() {
        return toOffer(this);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<Extension.Parameter> getParameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FreewayExtension && ((FreewayExtension) o).name.equals(name)
                && ((FreewayExtension) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + parameters.hashCode();
    }

    /** The header form, e.g. {@code permessage-deflate; client_no_context_takeover}. */
    @Override
    public String toString() {
        return toOffer().toHeaderValue();
    }

    /**
     * One extension parameter.
     *
     * @param name  the parameter name
     * @param value its value, or {@code null} for a parameter without one
     */
    public record Parameter(String name, String value) implements Extension.Parameter {
        public Parameter {
            Objects.requireNonNull(name, "name");
        }

        static Parameter copyOf(Extension.Parameter p) {
            return p instanceof Parameter ? (Parameter) p : new Parameter(p.getName(), p.getValue());
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getValue() {
            return value;
        }

        @Override
        public String toString() {
            return value == null ? name : name + "=" + value;
        }
    }
}
