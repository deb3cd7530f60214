package dev.freeway.container.session;

import dev.freeway.api.CloseCodes;
import dev.freeway.api.FrameHandler;
import dev.freeway.container.message.GrowingBuffer;
import dev.freeway.container.message.MessageSink;
import dev.freeway.engine.Data;
import dev.freeway.engine.FrameBegin;

/**
 * Hands a message to a {@link FrameHandler} one whole frame at a time, each frame buffered up to
 * the session's buffer size for the message's type (1009 beyond, checked from the header). The
 * handler has been told of the message's beginning before this sink exists.
 */
final class FrameMessageSink implements MessageSink {
    private final WsSession session;
    private final FrameHandler handler;
    private final boolean text;
    private final GrowingBuffer frame = new GrowingBuffer();
    private int rsv;
    private boolean refused;

    FrameMessageSink(WsSession session, FrameHandler handler, int opcode) {
        this.session = session;
        this.handler = handler;
        this.text = opcode == dev.freeway.api.Opcode.TEXT;
    }

    @Override
    public void frameBegin(FrameBegin begin, boolean compressed) {
        rsv = begin.rsv();
        if (!compressed) {
            check(begin.length());
        }
    }

    @Override
    public void data(Data data) throws Exception {
        if (refused) {
            return;
        }
        check(data.payload().remaining());
        if (refused) {
            return;
        }
        frame.append(data.payload());
        if (data.frameFinished()) {
            java.nio.ByteBuffer whole = frame.take().asReadOnlyBuffer();
            int bits = rsv;
            session.callback(() -> handler.onFrame(whole, bits));
        }
        if (data.messageFinished()) {
            session.callback(handler::onMessageEnd);
        }
    }

    private void check(long more) {
        long limit = text ? session.settings().maxTextMessageBufferSize() : session.settings().maxBinaryMessageBufferSize();
        if (frame.size() + more > limit) {
            refused = true;
            frame.clear();
            session.closeForError(CloseCodes.MESSAGE_TOO_BIG, "frame of " + more + " bytes or more exceeds the limit of "
                    + limit + " for one frame");
        }
    }
}
