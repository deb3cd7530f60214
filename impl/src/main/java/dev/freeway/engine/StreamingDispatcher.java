package dev.freeway.engine;

import dev.freeway.api.StreamingHandler;

/**
 * Hands received events to a {@link StreamingHandler}: the streaming level of the seeds, over the
 * engine's events. Frame begin becomes {@code onMessageBegin} (on a message's first frame) and
 * {@code onFrameBegin}; data chunks go through as they are; the flags of the chunk that ends a
 * frame or message become {@code onFrameEnd} and {@code onMessageEnd}.
 */
public final class StreamingDispatcher {
    private StreamingDispatcher() {
    }

    /**
     * Delivers {@code event} to {@code handler}.
     *
     * @return whether the event was one the streaming level covers (data, ping, pong); handshake
     *         and close events are left to the caller
     */
    public static boolean dispatch(Event event, StreamingHandler handler) {
        if (event instanceof Data) {
            Data d = (Data) event;
            if (d.payload().hasRemaining()) {
                handler.onFrameData(d.payload());
            }
            if (d.frameFinished()) {
                handler.onFrameEnd();
            }
            if (d.messageFinished()) {
                handler.onMessageEnd();
            }
            return true;
        }
        if (event instanceof FrameBegin) {
            FrameBegin f = (FrameBegin) event;
            if (f.messageBegins()) {
                handler.onMessageBegin(f.opcode());
            }
            handler.onFrameBegin(f.length(), f.rsv());
            return true;
        }
        if (event instanceof Ping) {
            handler.onPing(((Ping) event).payload());
            return true;
        }
        if (event instanceof Pong) {
            handler.onPong(((Pong) event).payload());
            return true;
        }
        return false;
    }
}
