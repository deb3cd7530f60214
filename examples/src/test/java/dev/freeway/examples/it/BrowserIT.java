package dev.freeway.examples.it;

import dev.freeway.examples.launcher.ContainerKind;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The demo page in headless Chromium, on the launcher's each container (see {@link BrowserCheck}). */
class BrowserIT {

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void thePageEchoesAndChatsThroughFreeway(ContainerKind kind) throws Exception {
        try (DemoProcess demo = DemoProcess.start(kind)) {
            BrowserCheck.thePageEchoesAndChats(demo.http(), demo::ws);
        }
    }
}
