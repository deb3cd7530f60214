package dev.freeway.engine;

import dev.freeway.api.CloseCodes;
import dev.freeway.api.Opcode;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A WebSocket connection with no I/O: bytes go in through {@link #receive(ByteBuffer)}, events
 * come out of {@link #nextEvent()}, and {@link #send(Event)} turns events into the bytes to
 * write. Modelled on wsproto's {@code WSConnection}; one class for both roles.
 *
 * <p>The caller owns the I/O. The usual loop is: read into a buffer, {@code receive} it, take
 * events until {@code nextEvent()} returns {@code null} (the buffer is then wholly consumed and
 * may be reused), write whatever {@link #pendingOutput()} holds, and when the peer's stream ends
 * call {@link #receiveEnd()} and take events once more. A connection whose {@link #state()} is
 * {@link ConnectionState#CLOSED} and which has no pending output should be dropped.
 *
 * <p>Received payload is unmasked and handed out in place: the buffer given to {@code receive}
 * is modified, and the events' buffers are views of it. The connection is not thread-safe; one
 * thread at a time may use it.
 *
 * <p>Errors come in two kinds, as in wsproto: {@link RemoteProtocolError} from
 * {@code nextEvent()} when the peer broke the protocol (the connection is then closed and the
 * close frame or HTTP rejection to send is already in {@link #pendingOutput()}), and
 * {@link LocalProtocolError} from {@code send} when the caller asks for something the protocol
 * forbids (nothing is sent; the connection is unchanged).
 */
public final class Connection {
    private static final ByteBuffer[] NOTHING = new ByteBuffer[0];

    private final Role role;
    private final EngineConfig config;
    private final DeflateSettings deflateSettings;
    private ConnectionState state;
    private Opening opening;
    private FrameReader reader;
    private FrameWriter writer;

    private ByteBuffer input;
    private boolean inputEnded;
    private boolean endReported;
    private boolean closeSent;
    private boolean closeReceived;
    /** Frames the engine owes the peer (pongs, the close reply), sent at the next frame boundary. */
    private final ArrayDeque<Event> owed = new ArrayDeque<>(2);
    /** Bytes ready to go out that no send returned (a rejection response). */
    private ByteBuffer owedBytes;

    private Connection(Role role, EngineConfig config, DeflateSettings deflateSettings, ConnectionState state) {
        this.role = role;
        this.config = config;
        this.deflateSettings = deflateSettings;
        this.state = state;
    }

    /** A client that starts by sending a {@link Request}. */
    public static Connection client(EngineConfig config) {
        return client(config, DeflateSettings.defaults());
    }

    /** A client that starts by sending a {@link Request}, compressing as {@code deflate} says if agreed. */
    public static Connection client(EngineConfig config, DeflateSettings deflate) {
        Connection c = new Connection(Role.CLIENT, config, deflate, ConnectionState.CONNECTING);
        c.opening = new ClientOpening(config);
        return c;
    }

    /** A server that starts by receiving a handshake request as bytes. */
    public static Connection server(EngineConfig config) {
        return server(config, DeflateSettings.defaults());
    }

    /** A server that starts by receiving a handshake request, compressing as {@code deflate} says if agreed. */
    public static Connection server(EngineConfig config, DeflateSettings deflate) {
        Connection c = new Connection(Role.SERVER, config, deflate, ConnectionState.CONNECTING);
        c.opening = new ServerOpening(config);
        return c;
    }

    /**
     * A connection whose handshake was done elsewhere (by a Servlet container, say), open from
     * the start.
     *
     * @param extensions the extensions agreed in the handshake, as the server's response listed
     *                   them
     */
    public static Connection established(Role role, EngineConfig config, List<ExtensionOffer> extensions) {
        return established(role, config, extensions, DeflateSettings.defaults());
    }

    /** As {@link #established(Role, EngineConfig, List)}, compressing as {@code deflate} says. */
    public static Connection established(Role role, EngineConfig config, List<ExtensionOffer> extensions,
                                         DeflateSettings deflate) {
        Connection c = new Connection(role, config, deflate, ConnectionState.OPEN);
        c.open(extensions);
        return c;
    }

    public Role role() {
        return role;
    }

    public ConnectionState state() {
        return state;
    }

    public EngineConfig config() {
        return config;
    }

    // ---- receiving

    /**
     * Hands over received bytes. The connection keeps {@code data} (without copying it) until
     * {@link #nextEvent()} returns {@code null}, and unmasks payload in it in place.
     *
     * @throws LocalProtocolError if the previous input has not been consumed yet, or input came
     *                            after {@link #receiveEnd()}
     */
    public void receive(ByteBuffer data) {
        if (inputEnded) {
            throw new LocalProtocolError("input after the end of the stream");
        }
        if (input != null && input.hasRemaining()) {
            throw new LocalProtocolError("the previous input is not consumed yet: take events until nextEvent() returns null");
        }
        if (data.isReadOnly() && role == Role.SERVER && data.hasRemaining()) {
            throw new IllegalArgumentException("a server unmasks in place: input must be a writable buffer");
        }
        input = data;
    }

    /** Says the peer's stream ended; a connection not closed cleanly then yields {@code Close(1006)}. */
    public void receiveEnd() {
        inputEnded = true;
    }

    /**
     * The next event, or {@code null} when the input is consumed and more is needed.
     *
     * @throws RemoteProtocolError when the peer broke the protocol; the connection is then
     *                             {@link ConnectionState#CLOSED} and the close frame (or HTTP
     *                             rejection) to send is in {@link #pendingOutput()}
     */
    public Event nextEvent() throws RemoteProtocolError {
        ByteBuffer in = input == null ? Buffers.EMPTY : input;
        try {
            Event e;
            if (state == ConnectionState.CONNECTING || (opening != null && state == ConnectionState.REJECTING)) {
                e = opening.next(in, inputEnded);
                if (e != null) {
                    return opened(e);
                }
            } else if (reader != null && !closeReceived && state != ConnectionState.CLOSED) {
                e = reader.next(in);
                if (e != null) {
                    return received(e);
                }
            } else {
                in.position(in.limit()); // after the close frame nothing more is read (RFC 6455 5.5.1)
            }
        } catch (RemoteProtocolError error) {
            fail(error);
            throw error;
        }
        if (input != null && !input.hasRemaining()) {
            input = null; // used up: the caller may refill the same buffer object and hand it back
        }
        return endOfInput();
    }

    private Event received(Event e) {
        if (e instanceof Ping && config.autoPong() && !closeSent) {
            owed.removeIf(o -> o instanceof Pong); // RFC 6455 5.5.3: answering the latest ping is enough
            owed.add(((Ping) e).response());
        } else if (e instanceof Close) {
            closeReceived = true;
            if (closeSent) {
                state = ConnectionState.CLOSED;
            } else {
                state = ConnectionState.REMOTE_CLOSING;
                if (config.autoCloseReply()) {
                    owed.add(((Close) e).response());
                    closeSent = true;
                    state = ConnectionState.CLOSED;
                }
            }
        }
        return e;
    }

    private Event opened(Event e) {
        if (e instanceof AcceptConnection) {
            state = ConnectionState.OPEN;
            open(((ClientOpening) opening).deflateParameters());
            opening = null;
        } else if (e instanceof RejectConnection) {
            state = ((RejectConnection) e).hasBody() ? ConnectionState.REJECTING : ConnectionState.CLOSED;
        } else if (e instanceof RejectData && ((RejectData) e).bodyFinished()) {
            state = ConnectionState.CLOSED;
        }
        return e;
    }

    private Event endOfInput() {
        if (inputEnded && !endReported) {
            endReported = true;
            if (state == ConnectionState.REJECTING && role == Role.CLIENT) {
                state = ConnectionState.CLOSED;
                return new RejectData(Buffers.EMPTY, true);
            }
            boolean wasClosed = state == ConnectionState.CLOSED;
            state = ConnectionState.CLOSED;
            // The peer's close frame, if one came, was already reported: no second Close.
            if (!closeReceived && !wasClosed) {
                return new Close(CloseCodes.CLOSED_ABNORMALLY, "the connection ended without a close frame");
            }
        }
        return null;
    }

    private void fail(RemoteProtocolError error) {
        state = ConnectionState.CLOSED;
        if (error.rejection() != null) {
            owedBytes = ByteBuffer.wrap(ServerHandshake.rejectResponse(error));
        } else if (reader != null && !closeSent) {
            owed.add(error.closeEvent());
            closeSent = true;
        }
        if (input != null) {
            input.position(input.limit());
        }
    }

    // ---- sending

    /**
     * The bytes that send {@code event}, preceded by any frames the engine owed the peer.
     *
     * @throws LocalProtocolError       if the state forbids the event
     * @throws IllegalArgumentException if the event's content is invalid (a close code that may
     *                                  not be sent, text that is not UTF-8)
     */
    public ByteBuffer[] send(Event event) {
        if (state == ConnectionState.CONNECTING || state == ConnectionState.REJECTING) {
            return sendOpening(event);
        }
        if (writer == null) {
            throw new LocalProtocolError("cannot send " + name(event) + ": the connection is " + state);
        }
        if (event instanceof Pong && !writer.inFrame()) {
            owed.removeIf(o -> o instanceof Pong); // the application answers the ping itself
        }
        // Owed frames go first, unless a declared-length frame is open: then they follow its end.
        boolean owedFirst = !owed.isEmpty() && !writer.inFrame();
        List<ByteBuffer> before = owedFirst ? encodeOwed() : List.of();
        ByteBuffer[] frames = sendFrame(event);
        if (owedFirst) {
            owed.clear();
        } else if (!owed.isEmpty() && !writer.inFrame()) {
            List<ByteBuffer> after = encodeOwed();
            owed.clear();
            return Buffers.join(List.of(), frames, after);
        }
        return before.isEmpty() ? frames : Buffers.join(before, frames, List.of());
    }

    private ByteBuffer[] sendFrame(Event event) {
        if (event instanceof FrameData) {
            if (!writer.inFrame()) {
                throw new LocalProtocolError("no frame is in progress: send FrameBegin first");
            }
            return new ByteBuffer[] {writer.frameData((FrameData) event)};
        }
        if (closeSent) {
            throw new LocalProtocolError("cannot send " + name(event) + ": a close frame was already sent");
        }
        if (event instanceof Data) {
            return writer.data((Data) event);
        }
        if (event instanceof FrameBegin) {
            return new ByteBuffer[] {writer.frameBegin((FrameBegin) event)};
        }
        if (event instanceof Ping) {
            return new ByteBuffer[] {writer.control(Opcode.PING, ((Ping) event).payload())};
        }
        if (event instanceof Pong) {
            return new ByteBuffer[] {writer.control(Opcode.PONG, ((Pong) event).payload())};
        }
        if (event instanceof ControlFrame) {
            if (!config.allowReservedOpcodes()) {
                throw new LocalProtocolError("reserved control opcodes need allowReservedOpcodes in the EngineConfig");
            }
            ControlFrame c = (ControlFrame) event;
            return new ByteBuffer[] {writer.control(c.opcode(), c.payload())};
        }
        if (event instanceof Close) {
            ByteBuffer frame = writer.control(Opcode.CLOSE, ByteBuffer.wrap(CloseFrames.encode((Close) event)));
            closeSent = true;
            state = closeReceived ? ConnectionState.CLOSED : ConnectionState.LOCAL_CLOSING;
            return new ByteBuffer[] {frame};
        }
        throw new LocalProtocolError("cannot send " + name(event) + " on an open connection");
    }

    /**
     * Bytes the engine wants written on its own: answers to pings, the reply to a close frame,
     * the close frame or HTTP rejection that follows a protocol error. Returns {@code null} when
     * there are none, or while a frame of declared length is being sent (control frames cannot
     * interrupt it).
     */
    public ByteBuffer pendingOutput() {
        if (owedBytes != null) {
            ByteBuffer b = owedBytes;
            owedBytes = null;
            return b;
        }
        if (owed.isEmpty() || writer == null || writer.inFrame()) {
            return null;
        }
        ByteBuffer out = Buffers.concat(encodeOwed());
        owed.clear();
        return out;
    }

    /** Whether {@link #pendingOutput()} would return bytes now. */
    public boolean hasPendingOutput() {
        return owedBytes != null || (!owed.isEmpty() && writer != null && !writer.inFrame());
    }

    /**
     * Releases native memory (permessage-deflate's zlib streams). Call once the connection is
     * dropped; it cannot be used afterwards.
     */
    public void release() {
        if (reader != null) {
            reader.release();
        }
        if (writer != null) {
            writer.release();
        }
        state = ConnectionState.CLOSED;
    }

    // ---- internals

    private ByteBuffer[] sendOpening(Event event) {
        ByteBuffer[] out = opening.send(event);
        if (event instanceof AcceptConnection) {
            state = ConnectionState.OPEN;
            open(((AcceptConnection) event).extensions());
            opening = null;
        } else if (event instanceof RejectConnection) {
            state = ((RejectConnection) event).hasBody() ? ConnectionState.REJECTING : ConnectionState.CLOSED;
        } else if (event instanceof RejectData && ((RejectData) event).bodyFinished()) {
            state = ConnectionState.CLOSED;
        }
        return out;
    }

    /**
     * Sets the connection up for frames, with the agreed extensions. Of those the engine runs
     * permessage-deflate; any other is the application's own (it sees their RSV bits and
     * opcodes only as far as {@link EngineConfig#allowedRsv()} and reserved opcodes allow).
     */
    private void open(List<ExtensionOffer> extensions) {
        DeflateParameters deflate = null;
        for (ExtensionOffer e : extensions) {
            if (PerMessageDeflate.isPerMessageDeflate(e)) {
                if (deflate != null) {
                    throw new IllegalArgumentException("permessage-deflate agreed twice");
                }
                deflate = PerMessageDeflate.agreed(e);
            }
        }
        open(deflate);
    }

    private void open(DeflateParameters deflate) {
        MessageInflater inflater = null;
        MessageDeflater deflater = null;
        if (deflate != null) {
            if (role == Role.CLIENT && deflateSettings.noContextTakeover() && !deflate.clientNoContextTakeover()) {
                // We promised the server in our offer to compress every message afresh.
                deflate = new DeflateParameters(deflate.serverNoContextTakeover(), true,
                        deflate.serverMaxWindowBits(), deflate.clientMaxWindowBits());
            }
            inflater = new MessageInflater(deflate, role, config.inflateChunkSize());
            deflater = new MessageDeflater(deflate, role, deflateSettings.compressionLevel());
        }
        reader = new FrameReader(role, config, inflater);
        writer = new FrameWriter(role, config, deflater);
    }

    /** The owed frames' bytes; the caller clears {@link #owed} once they are surely going out. */
    private List<ByteBuffer> encodeOwed() {
        List<ByteBuffer> out = new ArrayList<>(owed.size());
        for (Event e : owed) {
            if (e instanceof Pong) {
                out.add(writer.control(Opcode.PONG, ((Pong) e).payload()));
            } else {
                out.add(writer.control(Opcode.CLOSE, ByteBuffer.wrap(CloseFrames.encode((Close) e))));
            }
        }
        return out;
    }

    private static String name(Event e) {
        return e.getClass().getSimpleName();
    }
}
