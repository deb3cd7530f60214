package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's classes loaded again without JZlib on the class path, as a deployment without the
 * optional dependency has them: they load, small windows are off, an offer that needs one is
 * declined (the next acceptable one taken), and the client offers no {@code client_max_window_bits}.
 */
class WithoutJzlibTest {
    private URLClassLoader loader;

    @BeforeEach
    void loadEngineWithoutJzlib() {
        URL engine = PerMessageDeflate.class.getProtectionDomain().getCodeSource().getLocation();
        URL api = dev.freeway.api.CloseCodes.class.getProtectionDomain().getCodeSource().getLocation();
        // The platform loader as parent: it sees the JDK but not the test class path, so JZlib is absent.
        loader = new URLClassLoader(new URL[] {engine, api}, ClassLoader.getPlatformClassLoader());
    }

    @AfterEach
    void close() throws Exception {
        loader.close();
    }

    @Test
    void jzlibIsReallyAbsentThere() {
        assertThat(loader.getResource("com/jcraft/jzlib/Deflater.class")).isNull();
        assertThat(getClass().getClassLoader().getResource("com/jcraft/jzlib/Deflater.class")).isNotNull();
    }

    @Test
    void offersNeedingASmallServerWindowAreDeclinedAsBefore() throws Exception {
        Object settings = call("DeflateSettings", "defaults", new Class<?>[0]);
        assertThat(settings.getClass().getMethod("smallWindows").invoke(settings)).isEqualTo(false);

        assertThat(negotiate("permessage-deflate; server_max_window_bits=9", settings)).isEmpty();
        Optional<?> fallback = negotiate("permessage-deflate; server_max_window_bits=9, permessage-deflate", settings);
        Object response = fallback.orElseThrow().getClass().getMethod("response").invoke(fallback.orElseThrow());
        assertThat(response.getClass().getMethod("toHeaderValue").invoke(response)).isEqualTo("permessage-deflate");
    }

    @Test
    void theClientOffersNoClientWindow() throws Exception {
        Object settings = call("DeflateSettings", "defaults", new Class<?>[0]);
        Optional<?> offer = (Optional<?>) call("PerMessageDeflate", "offer",
                new Class<?>[] {loader.loadClass("dev.freeway.engine.DeflateSettings")}, settings);

        Object element = offer.orElseThrow();
        assertThat(element.getClass().getMethod("toHeaderValue").invoke(element)).isEqualTo("permessage-deflate");
    }

    private Optional<?> negotiate(String header, Object settings) throws Exception {
        Object offers = call("ExtensionHeader", "parse", new Class<?>[] {String.class}, header);
        return (Optional<?>) call("PerMessageDeflate", "negotiate",
                new Class<?>[] {java.util.List.class, loader.loadClass("dev.freeway.engine.DeflateSettings")},
                offers, settings);
    }

    private Object call(String type, String method, Class<?>[] parameterTypes, Object... args) throws Exception {
        Class<?> c = loader.loadClass("dev.freeway.engine." + type);
        assertThat(c.getClassLoader()).isSameAs(loader);
        return c.getMethod(method, parameterTypes).invoke(null, args);
    }
}
