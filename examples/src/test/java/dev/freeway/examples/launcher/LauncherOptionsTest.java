package dev.freeway.examples.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LauncherOptionsTest {

    @Test
    void jettyOnPort8080ByDefault() {
        LauncherOptions o = LauncherOptions.parse();
        assertThat(o.container()).isEqualTo(ContainerKind.JETTY);
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.contextPath()).isEqualTo("/");
        assertThat(o.war()).isEmpty();
        assertThat(o.http2()).isFalse();
        assertThat(o.tls()).isFalse();
    }

    @Test
    void http2IsAFlag() {
        assertThat(LauncherOptions.parse("--http2").http2()).isTrue();
        assertThat(LauncherOptions.parse("--container", "tomcat", "--http2", "--port", "0").http2()).isTrue();
    }

    @Test
    void tlsIsAFlag() {
        LauncherOptions o = LauncherOptions.parse("--http2", "--tls");
        assertThat(o.tls()).isTrue();
        assertThat(o.http2()).isTrue();
        assertThat(LauncherOptions.parse("--container", "tomcat", "--tls").tls()).isTrue();
    }

    @Test
    void readsEveryOption() {
        LauncherOptions o = LauncherOptions.parse("--container", "Tomcat", "--port", "0", "--context-path", "/demo",
                "--host", "0.0.0.0");
        assertThat(o.container()).isEqualTo(ContainerKind.TOMCAT);
        assertThat(o.port()).isZero();
        assertThat(o.contextPath()).isEqualTo("/demo");
        assertThat(o.host()).isEqualTo("0.0.0.0");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThatThrownBy(() -> LauncherOptions.parse("--container", "undertow")).hasMessageContaining("jetty or tomcat");
        assertThatThrownBy(() -> LauncherOptions.parse("--port", "http")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> LauncherOptions.parse("--context-path", "demo")).hasMessageContaining("/ or /name");
        assertThatThrownBy(() -> LauncherOptions.parse("--verbose")).hasMessageContaining("unknown argument");
    }
}
