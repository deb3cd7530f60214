package dev.freeway.container.session;

import dev.freeway.container.message.MessageHandlers;
import dev.freeway.container.message.MessagePipe;
import dev.freeway.container.message.MessageSink;
import dev.freeway.engine.Data;
import dev.freeway.engine.FrameBegin;
import jakarta.websocket.MessageHandler;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Streams a message to a handler of {@code Reader} or {@code InputStream} (or of a type a stream
 * decoder produces). The handler runs on the container's executor and reads from a
 * {@link MessagePipe} while this side fills it; reading the connection pauses whenever the pipe
 * is full, and after the message until the handler returns, so messages stay in order and
 * memory stays bounded.
 */
final class StreamMessageSink implements MessageSink {
    /** Bytes a pipe holds before the connection stops being read. */
    static final int PIPE_CAPACITY = 64 * 1024;

    private final WsSession session;
    private final MessagePipe pipe;
    private final java.util.concurrent.CompletableFuture<Void> handled = new java.util.concurrent.CompletableFuture<>();

    @SuppressWarnings("unchecked")
    StreamMessageSink(WsSession session, MessageHandlers.Entry entry, boolean text) {
        this.session = session;
        Inbound inbound = session.inbound();
        this.pipe = new MessagePipe(PIPE_CAPACITY, () -> inbound.resume(Inbound.PIPE));
        MessageHandler.Whole<Object> handler = (MessageHandler.Whole<Object>) entry.handler();
        Class<?> type = entry.type();
        session.settings().executor().execute(() -> {
            try {
                session.callback(() -> {
                    Object value;
                    if (text) {
                        Reader reader = new InputStreamReader(pipe, StandardCharsets.UTF_8);
                        value = session.codecs().decodeText(type, reader);
                    } else {
                        value = session.codecs().decodeBinary(type, (InputStream) pipe);
                    }
                    handler.onMessage(value);
                });
            } catch (VirtualMachineError fatal) {
                throw fatal; // out of memory or stack: nothing here can recover
            } catch (Throwable t) {
                session.handlerFailed(t);
            } finally {
                pipe.close();
                handled.complete(null);
            }
        });
    }

    @Override
    public void frameBegin(FrameBegin frame, boolean compressed) {
    }

    @Override
    public void data(Data data) {
        Inbound inbound = session.inbound();
        // Suspend first: the handler may drain the pipe (and resume) before offer returns.
        inbound.suspend(Inbound.PIPE);
        if (pipe.offer(data.payload())) {
            inbound.resume(Inbound.PIPE);
        }
        if (data.messageFinished()) {
            pipe.end();
            inbound.suspend(Inbound.HANDLER);
            handled.whenComplete((v, e) -> inbound.resume(Inbound.HANDLER));
        }
    }

    /** The connection went away mid-message: the handler's next read fails. */
    void abort(java.io.IOException cause) {
        pipe.fail(cause);
    }
}
