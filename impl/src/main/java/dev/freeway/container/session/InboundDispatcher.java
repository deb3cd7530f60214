package dev.freeway.container.session;

import dev.freeway.api.FrameHandler;
import dev.freeway.api.Opcode;
import dev.freeway.api.StreamingHandler;
import dev.freeway.container.codec.MessageKind;
import dev.freeway.container.message.MessageHandlers;
import dev.freeway.container.message.MessageSink;
import dev.freeway.engine.Close;
import dev.freeway.engine.Data;
import dev.freeway.engine.Event;
import dev.freeway.engine.FrameBegin;
import dev.freeway.engine.Ping;
import dev.freeway.engine.Pong;
import dev.freeway.engine.StreamingDispatcher;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;

import java.nio.ByteBuffer;

/**
 * Maps the engine's events onto what the endpoint registered, the one dispatch path for
 * annotated and programmatic endpoints: Freeway's streaming or frame handler if set, else the
 * Jakarta message handlers (whole, partial, streamed). The handler for a message is chosen when
 * it begins and kept to its end.
 */
final class InboundDispatcher {
    private static final System.Logger LOG = System.getLogger(InboundDispatcher.class.getName());
    private final WsSession session;
    private MessageSink sink;
    private boolean compressed;

    InboundDispatcher(WsSession session) {
        this.session = session;
    }

    void dispatch(Event event) throws Exception {
        if (event instanceof Pong && Heartbeat.isHeartbeatPong(((Pong) event).payload())) {
            return; // the answer to the container's own heartbeat: neither traffic nor the application's
        }
        session.touch();
        if (event instanceof Close) {
            if (sink != null) {
                abort(new java.io.EOFException("the connection closed in the middle of a message"));
            }
            session.onRemoteClose((Close) event);
        } else if (session.isClosing()) {
            return; // we are closing (say, after a 1009): what the peer still sends is dropped
        } else if (event instanceof FrameBegin) {
            FrameBegin frame = (FrameBegin) event;
            if (frame.messageBegins()) {
                compressed = frame.rsv1() && session.deflateAgreed();
                sink = chooseSink(frame.opcode());
            }
            if (sink != null) {
                sink.frameBegin(frame, compressed);
            }
        } else if (event instanceof Data) {
            Data data = (Data) event;
            MessageSink current = sink;
            if (data.messageFinished()) {
                sink = null;
                session.counters().messageReceived();
            }
            if (current != null) {
                current.data(data);
            }
        } else if (event instanceof Ping) {
            onPing((Ping) event);
        } else if (event instanceof Pong) {
            onPong((Pong) event);
        }
    }

    /** The connection ended with a message half received: its stream handler must not wait forever. */
    void abort(java.io.IOException cause) {
        if (sink instanceof StreamMessageSink) {
            ((StreamMessageSink) sink).abort(cause);
        }
        sink = null;
    }

    private MessageSink chooseSink(int opcode) throws Exception {
        StreamingHandler streaming = session.streamingHandler();
        if (streaming != null) {
            session.callback(() -> streaming.onMessageBegin(opcode));
            return new StreamingSink(session, streaming);
        }
        FrameHandler frames = session.frameHandler();
        if (frames != null) {
            session.callback(() -> frames.onMessageBegin(opcode));
            return new FrameMessageSink(session, frames, opcode);
        }
        boolean text = opcode == Opcode.TEXT;
        MessageHandlers.Entry entry = opcode == Opcode.TEXT ? session.handlers().text()
                : opcode == Opcode.BINARY ? session.handlers().binary() : null;
        if (entry == null) {
            // Dropped, not refused with 1003: a handler may still come (a client adds its handlers
            // after connectToServer returns, while the server's first messages are on their way),
            // and Tomcat and Tyrus drop such messages too (TCK session addMessageHandlersTest1).
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + session.getId() + " has no handler for "
                    + (text ? "text" : opcode == Opcode.BINARY ? "binary" : Opcode.name(opcode)) + " messages: one is dropped");
            return null;
        }
        if (entry.partial()) {
            return new PartialMessageSink(session, entry, text);
        }
        if (entry.kind() == MessageKind.TEXT_STREAM || entry.kind() == MessageKind.BINARY_STREAM) {
            return new StreamMessageSink(session, entry, text);
        }
        return new WholeMessageSink(session, entry, text);
    }

    private void onPing(Ping ping) throws Exception {
        StreamingHandler streaming = session.streamingHandler();
        if (streaming != null) {
            session.callback(() -> streaming.onPing(ping.payload()));
        }
        if (!session.explicitPings()) {
            session.sendPongQuietly(ping.payload());
        }
    }

    @SuppressWarnings("unchecked")
    private void onPong(Pong pong) throws Exception {
        StreamingHandler streaming = session.streamingHandler();
        if (streaming != null) {
            session.callback(() -> streaming.onPong(pong.payload()));
        }
        MessageHandlers.Entry entry = session.handlers().pong();
        if (entry != null) {
            ByteBuffer data = pong.payload().asReadOnlyBuffer();
            PongMessage message = () -> data;
            session.callback(() -> ((MessageHandler.Whole<PongMessage>) entry.handler()).onMessage(message));
        }
    }

    /** Passes a message's frames straight to a streaming handler. */
    private static final class StreamingSink implements MessageSink {
        private final WsSession session;
        private final StreamingHandler handler;

        StreamingSink(WsSession session, StreamingHandler handler) {
            this.session = session;
            this.handler = handler;
        }

        @Override
        public void frameBegin(FrameBegin frame, boolean compressed) throws Exception {
            session.callback(() -> handler.onFrameBegin(frame.length(), frame.rsv()));
        }

        @Override
        public void data(Data data) throws Exception {
            session.callback(() -> StreamingDispatcher.dispatch(data, handler));
        }
    }
}
