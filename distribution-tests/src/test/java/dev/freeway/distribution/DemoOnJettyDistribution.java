package dev.freeway.distribution;

import dev.freeway.examples.it.Http2EchoCheck;
import org.junit.jupiter.api.Test;

/**
 * The demo WAR in stand-alone Jetty 12.1, whose README recipes enable h2c ({@code http2c}) beside
 * HTTP/1.1 on the one connector: besides every check on HTTP/1.1, {@code /echo} over an HTTP/2
 * stream (RFC 8441's extended CONNECT, answered with 200), with Jetty's WebSocket client on Jetty's
 * HTTP/2 transport as the independent client.
 */
abstract class DemoOnJettyDistribution extends DemoOnDistribution {

    DemoOnJettyDistribution(Distribution distribution) {
        super(distribution);
    }

    @Test
    void echoesOverAnHttp2StreamWithA200() throws Exception {
        Http2EchoCheck.echoesOverAnHttp2Stream(ws("echo"));
    }
}
