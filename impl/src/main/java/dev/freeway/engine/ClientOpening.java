package dev.freeway.engine;

import dev.freeway.api.CloseCodes;

import java.nio.ByteBuffer;

/**
 * A client's side of the opening handshake: writes the request, then reads the response (skipping
 * interim 1xx responses) and, for a rejection, its body.
 */
final class ClientOpening implements Opening {
    private final int maxHeadSize;
    private HttpHeadParser<HttpResponseHead> parser;
    private ClientHandshake handshake;
    /** Body bytes still to come after a rejection: a count, or -1 for "until the stream ends". */
    private long bodyRemaining;
    private boolean rejected;
    private DeflateParameters deflateParameters;

    ClientOpening(EngineConfig config) {
        this.maxHeadSize = config.maxHandshakeSize();
    }

    @Override
    public Event next(ByteBuffer in, boolean ended) throws RemoteProtocolError {
        if (handshake == null) {
            if (in.hasRemaining()) {
                throw new RemoteProtocolError(CloseCodes.PROTOCOL_ERROR,
                        "the server sent data before the handshake request");
            }
            return null;
        }
        if (rejected) {
            return body(in);
        }
        while (true) {
            HttpResponseHead head = parser.receive(in);
            if (head == null) {
                return null;
            }
            if (!head.isInterim()) {
                Event e = handshake.validate(head);
                if (e instanceof RejectConnection) {
                    rejected = true;
                    bodyRemaining = bodyLength(head, (RejectConnection) e);
                } else {
                    deflateParameters = checkDeflate((AcceptConnection) e);
                }
                return e;
            }
            parser = HttpHeadParser.forResponse(maxHeadSize); // a 1xx: the real response follows
        }
    }

    @Override
    public ByteBuffer[] send(Event event) {
        if (!(event instanceof Request)) {
            throw new LocalProtocolError("a client opens with a Request, not " + event.getClass().getSimpleName());
        }
        if (handshake != null) {
            throw new LocalProtocolError("the handshake request was already sent");
        }
        handshake = new ClientHandshake((Request) event);
        parser = HttpHeadParser.forResponse(maxHeadSize);
        return new ByteBuffer[] {ByteBuffer.wrap(handshake.requestBytes())};
    }

    /** The permessage-deflate parameters the server agreed to, or {@code null} for none. */
    DeflateParameters deflateParameters() {
        return deflateParameters;
    }

    /** Checks a permessage-deflate response against our offer (RFC 7692 section 7.1). */
    private DeflateParameters checkDeflate(AcceptConnection accept) throws RemoteProtocolError {
        DeflateParameters agreed = null;
        for (ExtensionOffer response : accept.extensions()) {
            if (!PerMessageDeflate.isPerMessageDeflate(response)) {
                continue;
            }
            if (agreed != null) {
                throw new RemoteProtocolError(CloseCodes.PROTOCOL_ERROR, "the server accepted permessage-deflate twice");
            }
            ExtensionOffer offered = handshake.request().extensions().stream()
                    .filter(PerMessageDeflate::isPerMessageDeflate).findFirst().orElseThrow();
            try {
                agreed = PerMessageDeflate.accept(response, offered);
            } catch (IllegalArgumentException e) {
                throw new RemoteProtocolError(CloseCodes.PROTOCOL_ERROR, "server's permessage-deflate " + e.getMessage());
            }
        }
        return agreed;
    }

    private Event body(ByteBuffer in) {
        if (bodyRemaining == 0 || !in.hasRemaining()) {
            return null;
        }
        int n = bodyRemaining < 0 ? in.remaining() : (int) Math.min(bodyRemaining, in.remaining());
        ByteBuffer slice = in.slice(in.position(), n);
        in.position(in.position() + n);
        if (bodyRemaining > 0) {
            bodyRemaining -= n;
        }
        return new RejectData(slice, bodyRemaining == 0);
    }

    private static long bodyLength(HttpResponseHead head, RejectConnection reject) throws RemoteProtocolError {
        if (!reject.hasBody()) {
            return 0;
        }
        if (reject.headers().contains("Transfer-Encoding")) {
            return -1; // the body runs to the end of the stream; chunked bodies come through raw
        }
        return ClientHandshake.contentLength(head); // -1 when absent: to the end of the stream
    }
}
