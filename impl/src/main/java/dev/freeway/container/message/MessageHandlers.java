package dev.freeway.container.message;

import dev.freeway.container.codec.Codecs;
import dev.freeway.container.codec.GenericTypes;
import dev.freeway.container.codec.MessageKind;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The message handlers of a session: at most one for text, one for binary and one for pongs
 * (the spec's one-handler-per-type rule), each with the Java type it receives and how that type
 * is produced.
 */
public final class MessageHandlers {
    /** A registered handler. */
    public record Entry(MessageHandler handler, Class<?> type, MessageKind kind, boolean partial) {
    }

    private final Codecs codecs;
    private volatile Entry text;
    private volatile Entry binary;
    private volatile Entry pong;

    public MessageHandlers(Codecs codecs) {
        this.codecs = codecs;
    }

    public Entry text() {
        return text;
    }

    public Entry binary() {
        return binary;
    }

    public Entry pong() {
        return pong;
    }

    /** Registers a handler whose type comes from its generic signature. */
    public synchronized void add(MessageHandler handler) {
        Class<?> iface = handler instanceof MessageHandler.Partial ? MessageHandler.Partial.class : MessageHandler.Whole.class;
        if (!(handler instanceof MessageHandler.Partial) && !(handler instanceof MessageHandler.Whole)) {
            throw new IllegalArgumentException(handler.getClass().getName()
                    + " implements neither MessageHandler.Whole nor MessageHandler.Partial");
        }
        Class<?> type = GenericTypes.typeArgument(handler.getClass(), iface, 0);
        if (type == null) {
            throw new IllegalStateException("cannot tell which message type " + handler.getClass().getName()
                    + " handles (a lambda or a raw type?): register it with addMessageHandler(Class, handler)");
        }
        put(handler, type, handler instanceof MessageHandler.Partial);
    }

    public synchronized void add(Class<?> type, MessageHandler handler, boolean partial) {
        if (type == null) {
            throw new IllegalArgumentException("the message type is null");
        }
        put(handler, type, partial);
    }

    public synchronized void remove(MessageHandler handler) {
        if (text != null && text.handler == handler) {
            text = null;
        }
        if (binary != null && binary.handler == handler) {
            binary = null;
        }
        if (pong != null && pong.handler == handler) {
            pong = null;
        }
    }

    public Set<MessageHandler> all() {
        Set<MessageHandler> out = new LinkedHashSet<>();
        for (Entry e : new Entry[] {text, binary, pong}) {
            if (e != null) {
                out.add(e.handler);
            }
        }
        return out;
    }

    private void put(MessageHandler handler, Class<?> type, boolean partial) {
        MessageKind kind;
        if (partial) {
            if (type == String.class) {
                kind = MessageKind.TEXT;
            } else if (type == ByteBuffer.class || type == byte[].class) {
                kind = MessageKind.BINARY;
            } else {
                throw new IllegalStateException("a partial handler receives String, ByteBuffer or byte[], not "
                        + type.getName() + " (" + handler.getClass().getName() + ")");
            }
        } else if (type == PongMessage.class) {
            kind = MessageKind.PONG;
        } else {
            kind = codecs.kindOf(type);
            if (kind == null) {
                throw new IllegalStateException("no decoder produces " + type.getName() + " for "
                        + handler.getClass().getName() + ": add a Decoder for it to the endpoint configuration");
            }
        }
        Entry entry = new Entry(handler, type, kind, partial);
        if (kind == MessageKind.PONG) {
            pong = check(pong, entry, "pong");
        } else if (kind == MessageKind.TEXT || kind == MessageKind.TEXT_STREAM) {
            text = check(text, entry, "text");
        } else {
            binary = check(binary, entry, "binary");
        }
    }

    private static Entry check(Entry existing, Entry added, String what) {
        if (existing != null) {
            throw new IllegalStateException("a " + what + " message handler is already registered ("
                    + existing.handler.getClass().getName() + "); a session has at most one per message type");
        }
        return added;
    }
}
