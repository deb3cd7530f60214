package dev.freeway.it.clients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freeway.it.support.FreewayWar;
import dev.freeway.it.support.JdkClient;
import dev.freeway.it.support.Payloads;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sustained traffic over one connection and a chat over several, with Jetty's client: what broke
 * Freeway on Undertow through its generic Servlet upgrade (frames corrupted past 16 KiB, connections
 * lost after a few hundred small messages, a deflate chat failing with "invalid opcode"). Every echo
 * must arrive intact and in order, and every member of the chat must get every message of every
 * sender, in each sender's order, with permessage-deflate on; every connection ends with a clean
 * 1000. Figures go to the test's output.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SustainedTrafficIT {

    private static final int ECHOES = 5_000;
    private static final int MEMBERS = 4;
    private static final int MESSAGES_PER_MEMBER = 250;

    private static WebSocketClient client;

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FreewayWar.create("sustained", ClientsEchoEndpoint.class, ChatEndpoint.class);
    }

    @BeforeAll
    static void startClient() throws Exception {
        client = new WebSocketClient();
        client.setMaxTextMessageSize(ClientsEchoEndpoint.LIMIT);
        client.start();
    }

    @AfterAll
    static void stopClient() throws Exception {
        client.stop();
    }

    @Test
    void fiveThousandEchoesArriveIntactAndInOrder() throws Exception {
        JettyRecorder recorder = connect("echo", new ClientUpgradeRequest());
        long start = System.nanoTime();
        long bytes = 0;
        // sent without waiting for the echoes, so reads and writes overlap on the server
        for (int i = 0; i < ECHOES; i++) {
            String message = echoMessage(i);
            bytes += message.length();
            JettyClientIT.send(c -> recorder.session.sendText(message, c));
        }
        for (int i = 0; i < ECHOES; i++) {
            assertThat(recorder.nextText()).as("echo %d", i).isEqualTo(echoMessage(i));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("sustained echo: %d messages, %d chars each way, in %d ms%n", ECHOES, bytes, millis);
        recorder.closeWith(1000);
    }

    @Test
    void deflateChatReachesEveryMemberInOrder() throws Exception {
        List<JettyRecorder> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            ClientUpgradeRequest request = new ClientUpgradeRequest();
            request.addExtensions("permessage-deflate");
            JettyRecorder member = connect("chat", request);
            assertThat(member.session.getUpgradeResponse().getExtensions())
                    .extracting(ExtensionConfig::getName).containsExactly("permessage-deflate");
            members.add(member);
        }
        for (JettyRecorder member : members) {
            // in the room before anyone talks: the upgrade handler that adds it runs after the 101
            assertThat(member.nextText()).isEqualTo(ChatEndpoint.WELCOME);
        }
        long start = System.nanoTime();
        // every member talks at once, interleaved
        for (int i = 0; i < MESSAGES_PER_MEMBER; i++) {
            for (int m = 0; m < MEMBERS; m++) {
                String line = chatLine(m, i);
                JettyRecorder member = members.get(m);
                JettyClientIT.send(c -> member.session.sendText(line, c));
            }
        }
        for (JettyRecorder member : members) {
            Map<Integer, Integer> nextFrom = new HashMap<>();
            for (int n = 0; n < MEMBERS * MESSAGES_PER_MEMBER; n++) {
                String line = member.nextText();
                int sender = Integer.parseInt(line.substring(0, line.indexOf(':')));
                int index = nextFrom.merge(sender, 1, Integer::sum) - 1;
                assertThat(line).as("message %d of member %d", index, sender).isEqualTo(chatLine(sender, index));
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("deflate chat: %d members, %d messages delivered, in %d ms%n",
                MEMBERS, MEMBERS * MEMBERS * MESSAGES_PER_MEMBER, millis);
        for (JettyRecorder member : members) {
            member.closeWith(1000);
        }
    }

    /** Mostly small messages, every tenth of 16 KiB and more, every hundredth past 64 KiB. */
    private static String echoMessage(int i) {
        int size = i % 100 == 0 ? 64 * 1024 + i : i % 10 == 0 ? 16 * 1024 + i : i % 300;
        return i + ":" + Payloads.text(size);
    }

    private static String chatLine(int member, int index) {
        return member + ":" + index + ":" + Payloads.text(100 + (index * 37) % 3000);
    }

    private JettyRecorder connect(String path, ClientUpgradeRequest request) throws Exception {
        JettyRecorder recorder = new JettyRecorder();
        recorder.session = client.connect(recorder, JdkClient.ws(base, path), request).get(10, TimeUnit.SECONDS);
        return recorder;
    }
}
