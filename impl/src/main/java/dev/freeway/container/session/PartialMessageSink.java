package dev.freeway.container.session;

import dev.freeway.container.message.MessageHandlers;
import dev.freeway.container.message.MessageSink;
import dev.freeway.container.message.Utf8Chunks;
import dev.freeway.engine.Data;
import dev.freeway.engine.FrameBegin;
import jakarta.websocket.MessageHandler;

import java.nio.ByteBuffer;

/**
 * Hands a message to a {@code MessageHandler.Partial} chunk by chunk, as the chunks arrive:
 * text as strings that never split a code point, binary as ByteBuffer views or byte[] copies.
 * Nothing is buffered but the up to three bytes of a code point cut by a chunk boundary.
 */
final class PartialMessageSink implements MessageSink {
    private final WsSession session;
    private final MessageHandlers.Entry entry;
    private final Utf8Chunks utf8;

    PartialMessageSink(WsSession session, MessageHandlers.Entry entry, boolean text) {
        this.session = session;
        this.entry = entry;
        this.utf8 = text ? new Utf8Chunks() : null;
    }

    @Override
    public void frameBegin(FrameBegin frame, boolean compressed) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public void data(Data data) throws Exception {
        MessageHandler.Partial<Object> handler = (MessageHandler.Partial<Object>) entry.handler();
        boolean last = data.messageFinished();
        ByteBuffer chunk = data.payload();
        if (!chunk.hasRemaining() && !last) {
            return;
        }
        if (utf8 != null) {
            String part = utf8.decode(chunk, last);
            if (!part.isEmpty() || last) {
                session.callback(() -> handler.onMessage(part, last));
            }
        } else if (entry.type() == byte[].class) {
            byte[] copy = new byte[chunk.remaining()];
            chunk.duplicate().get(copy);
            session.callback(() -> handler.onMessage(copy, last));
        } else {
            ByteBuffer view = chunk.asReadOnlyBuffer();
            session.callback(() -> handler.onMessage(view, last));
        }
    }
}
