package dev.freeway.engine;

import java.nio.ByteBuffer;

/**
 * A server's side of the opening handshake: parses and checks the request, then writes the
 * application's answer (a 101, or a rejection and its body).
 */
final class ServerOpening implements Opening {
    private final HttpHeadParser<HttpRequestHead> parser;
    private Request request;
    private boolean answered;

    ServerOpening(EngineConfig config) {
        this.parser = HttpHeadParser.forRequest(config.maxHandshakeSize());
    }

    @Override
    public Event next(ByteBuffer in, boolean ended) throws RemoteProtocolError {
        if (request != null) {
            return null; // bytes after the request wait in the buffer until the answer is sent
        }
        HttpRequestHead head = parser.receive(in);
        if (head == null) {
            return null;
        }
        request = ServerHandshake.validate(head);
        return request;
    }

    @Override
    public ByteBuffer[] send(Event event) {
        if (event instanceof RejectData) {
            if (!answered) {
                throw new LocalProtocolError("send RejectConnection before its body");
            }
            return new ByteBuffer[] {((RejectData) event).data().duplicate()};
        }
        if (request == null) {
            throw new LocalProtocolError("cannot send " + event.getClass().getSimpleName()
                    + " before the handshake request has been received");
        }
        if (answered) {
            throw new LocalProtocolError("the handshake has already been answered");
        }
        byte[] bytes;
        if (event instanceof AcceptConnection) {
            bytes = ServerHandshake.acceptResponse(request, (AcceptConnection) event);
        } else if (event instanceof RejectConnection) {
            bytes = ServerHandshake.rejectResponse((RejectConnection) event, null);
        } else {
            throw new LocalProtocolError("a server answers a handshake with AcceptConnection or RejectConnection, not "
                    + event.getClass().getSimpleName());
        }
        answered = true;
        return new ByteBuffer[] {ByteBuffer.wrap(bytes)};
    }
}
