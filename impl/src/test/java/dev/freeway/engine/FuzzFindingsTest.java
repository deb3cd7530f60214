package dev.freeway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.freeway.api.CloseCodes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@link EngineFuzzTest} found, reduced to plain tests. The inputs it failed on are also in
 * its inputs directory ({@code crash-*}), so that its regression run keeps checking them.
 */
class FuzzFindingsTest {

    /**
     * A client reading a rejection whose Content-Length is empty, has an empty element or does not
     * fit a {@code long} threw {@link NumberFormatException} (or, for {@code ","},
     * {@link ArrayIndexOutOfBoundsException}) from {@code nextEvent()}: the handshake checked the
     * field's non-empty elements only, and the body's length was then parsed again from the raw
     * first value. RFC 9112 section 6.3 makes an invalid Content-Length in a response an
     * unrecoverable error, as the client already treats {@code Content-Length: abc}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", ",", ", 4", "99999999999999999999"})
    void rejectionWithAnUnusableContentLengthFailsTheHandshake(String contentLength) {
        Connection client = Connection.client(EngineConfig.defaults());
        client.send(new Request("example.com", "/"));
        client.receive(ByteBuffer.wrap(("HTTP/1.1 403 Forbidden\r\nContent-Length: " + contentLength + "\r\n\r\nnope")
                .getBytes(StandardCharsets.US_ASCII)));

        Throwable thrown = catchThrowable(client::nextEvent);

        assertThat(thrown).isInstanceOf(RemoteProtocolError.class);
        assertThat(((RemoteProtocolError) thrown).closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
    }
}
