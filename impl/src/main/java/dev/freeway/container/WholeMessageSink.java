package dev.freeway.container;

import dev.freeway.api.CloseCodes;
import dev.freeway.engine.Data;
import dev.freeway.engine.FrameBegin;
import jakarta.websocket.MessageHandler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Buffers a message for a {@code MessageHandler.Whole} (String, primitives, ByteBuffer, byte[],
 * decoded objects) up to the session's buffer size for its type. A message that would pass the
 * limit is refused with 1009 as soon as a frame header announces it, before its payload is
 * buffered; compressed messages are checked chunk by chunk as they inflate.
 */
final class WholeMessageSink implements MessageSink {
    private final WsSession session;
    private final MessageHandlers.Entry entry;
    private final boolean text;
    private final GrowingBuffer buffer = new GrowingBuffer();
    private boolean refused;

    WholeMessageSink(WsSession session, MessageHandlers.Entry entry, boolean text) {
        this.session = session;
        this.entry = entry;
        this.text = text;
    }

    @Override
    public void frameBegin(FrameBegin frame, boolean compressed) {
        if (!compressed) {
            check(frame.length());
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void data(Data data) throws Exception {
        if (refused) {
            return;
        }
        ByteBuffer chunk = data.payload();
        check(chunk.remaining());
        if (refused) {
            return;
        }
        buffer.append(chunk);
        if (!data.messageFinished()) {
            return;
        }
        ByteBuffer all = buffer.take();
        // Decoding is part of the callback: decoders are application code too.
        session.callback(() -> ((MessageHandler.Whole<Object>) entry.handler()).onMessage(decode(all)));
    }

    private Object decode(ByteBuffer all) throws Exception {
        Codecs codecs = session.codecs();
        if (text) {
            String s = StandardCharsets.UTF_8.decode(all).toString();
            return entry.type() == String.class ? s : codecs.decodeText(entry.type(), s);
        } else if (entry.type() == ByteBuffer.class) {
            return all;
        } else if (entry.type() == byte[].class) {
            return all.hasArray() && all.arrayOffset() == 0 && all.array().length == all.remaining()
                    ? all.array() : copy(all);
        } else {
            return codecs.decodeBinary(entry.type(), all);
        }
    }

    private void check(long more) {
        long limit = text ? session.settings().maxTextMessageBufferSize() : session.settings().maxBinaryMessageBufferSize();
        long size = buffer.size() + more;
        if (size > limit) {
            refused = true;
            buffer.clear();
            session.closeForError(CloseCodes.MESSAGE_TOO_BIG, (text ? "text" : "binary") + " message of " + size
                    + " bytes or more exceeds the limit of " + limit + " (max" + (text ? "Text" : "Binary")
                    + "MessageBufferSize)");
        }
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
