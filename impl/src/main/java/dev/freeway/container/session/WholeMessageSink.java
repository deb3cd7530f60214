package dev.freeway.container.session;

import dev.freeway.api.CloseCodes;
import dev.freeway.container.message.GrowingBuffer;
import dev.freeway.container.message.MessageHandlers;
import dev.freeway.container.message.MessageSink;
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
    /** Payload bytes of the current uncompressed frame not yet received; 0 when not known. */
    private long frameLeft;
    /** The current frame ends its message. */
    private boolean frameLast;

    WholeMessageSink(WsSession session, MessageHandlers.Entry entry, boolean text) {
        this.session = session;
        this.entry = entry;
        this.text = text;
    }

    @Override
    public void frameBegin(FrameBegin frame, boolean compressed) {
        if (!compressed) {
            check(frame.length());
            frameLeft = frame.length();
            frameLast = frame.fin();
        } else {
            frameLeft = 0; // inflated sizes are not announced
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
        if (data.messageFinished() && buffer.size() == 0) {
            // The whole message in one chunk (most small messages): decode it straight from the
            // engine's buffer, with the one copy the handler needs, instead of collecting it first.
            Object message = text ? null : ownBytes(chunk);
            session.callback(() -> ((MessageHandler.Whole<Object>) entry.handler())
                    .onMessage(text ? decodeText(chunk) : decodeBinary((ByteBuffer) message)));
            return;
        }
        // Reserved here, not at the header: a message that arrives in one chunk takes the path
        // above and needs no buffer at all. A frame that ends the message bounds the array by
        // its announced end; otherwise the limit does (check() refused anything beyond it).
        boolean endAnnounced = frameLeft > 0 && frameLast;
        buffer.reserve(chunk.remaining(), endAnnounced ? buffer.size() + frameLeft : limit());
        if (frameLeft > 0) {
            frameLeft -= chunk.remaining();
        }
        buffer.append(chunk);
        if (!data.messageFinished()) {
            return;
        }
        ByteBuffer all = buffer.take();
        // Decoding is part of the callback: decoders are application code too.
        session.callback(() -> ((MessageHandler.Whole<Object>) entry.handler())
                .onMessage(text ? decodeText(all) : decodeBinary(all)));
    }

    private Object decodeText(ByteBuffer bytes) throws Exception {
        String s = utf8String(bytes);
        return entry.type() == String.class ? s : session.codecs().decodeText(entry.type(), s);
    }

    /** {@code bytes} belongs to the handler from here on: the engine's buffers never reach it. */
    private Object decodeBinary(ByteBuffer bytes) throws Exception {
        if (entry.type() == ByteBuffer.class) {
            return bytes;
        } else if (entry.type() == byte[].class) {
            return bytes.hasArray() && bytes.arrayOffset() == 0 && bytes.position() == 0
                    && bytes.array().length == bytes.remaining() ? bytes.array() : copy(bytes);
        } else {
            return session.codecs().decodeBinary(entry.type(), bytes);
        }
    }

    /**
     * Already validated as UTF-8 by the engine. {@code new String} decodes a byte array in one
     * pass (ASCII straight into the string's own bytes), where a {@code CharsetDecoder} fills a
     * char buffer that is then copied again.
     */
    static String utf8String(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
                    StandardCharsets.UTF_8);
        }
        return new String(copy(bytes), StandardCharsets.UTF_8);
    }

    private static ByteBuffer ownBytes(ByteBuffer chunk) {
        return ByteBuffer.wrap(copy(chunk));
    }

    /** The most one whole message of this sink's kind may hold. */
    private long limit() {
        return text ? session.settings().maxTextMessageBufferSize() : session.settings().maxBinaryMessageBufferSize();
    }

    private void check(long more) {
        long limit = limit();
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
        b.get(b.position(), out);
        return out;
    }
}
